using System.CommandLine;
using MimeKit;
using SesMailer.Cli.Output;
using SesMailer.Ses;
using SesMailer.Ses.Model;

namespace SesMailer.Cli.Commands;

/// <summary>send and send-raw.</summary>
internal static class SendCommands
{
    public static IEnumerable<Command> Create(Func<ParseResult, CommandContext> context)
    {
        var from = new Option<string>("--from") { Description = "The sender (a verified identity).", Required = true };
        var to = new Option<string[]>("--to") { Description = "A recipient (repeat for more).", Required = true };
        var cc = new Option<string[]>("--cc") { Description = "A carbon-copy recipient (repeat for more)." };
        var bcc = new Option<string[]>("--bcc") { Description = "A blind carbon-copy recipient (repeat for more)." };
        var replyTo = new Option<string[]>("--reply-to") { Description = "A Reply-To address (repeat for more)." };
        var subject = new Option<string>("--subject") { Description = "The subject line.", Required = true };
        var text = new Option<string?>("--text") { Description = "The plain-text body." };
        var html = new Option<string?>("--html") { Description = "The HTML body." };
        var configurationSet = ConfigurationSetOption();
        var tags = TagOption();
        var send = new Command("send", "Send an email that SES composes (SES SendEmail). Needs --text and/or --html.")
        {
            from, to, cc, bcc, replyTo, subject, text, html, configurationSet, tags,
        };
        send.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (parse.GetValue(text) is null && parse.GetValue(html) is null)
            {
                throw new CliUsageException("send needs --text or --html (or both).");
            }

            // SES composes this message, so the id can only travel as a tag; it is what an in-doubt report names.
            var id = StableId.New();
            var response = await InDoubtNamesAsync(id, ctx.Client.SendEmailAsync(new SendEmailRequest
            {
                Source = parse.GetValue(from)!,
                ToAddresses = parse.GetValue(to) ?? [],
                CcAddresses = parse.GetValue(cc) ?? [],
                BccAddresses = parse.GetValue(bcc) ?? [],
                ReplyToAddresses = parse.GetValue(replyTo) ?? [],
                Subject = parse.GetValue(subject)!,
                TextBody = parse.GetValue(text),
                HtmlBody = parse.GetValue(html),
                ConfigurationSetName = parse.GetValue(configurationSet),
                Tags = [.. ParseTags(parse.GetValue(tags)), new SesMessageTag(StableId.TagName, id)],
            }, ct)).ConfigureAwait(false);
            PrintSent(ctx, response, id);
            return ExitCodes.Success;
        });
        yield return send;

        var file = new Option<FileInfo>("--file") { Description = "The MIME message (.eml) to send as is.", Required = true };
        var rawFrom = new Option<string?>("--from") { Description = "The envelope sender (default: the From header)." };
        var rawTo = new Option<string[]>("--to") { Description = "An envelope recipient (repeat; default: every To, Cc and Bcc address in the file)." };
        var rawConfigurationSet = ConfigurationSetOption();
        var rawTags = TagOption();
        var sendRaw = new Command("send-raw", "Send a complete MIME message (SES SendRawEmail).") { file, rawFrom, rawTo, rawConfigurationSet, rawTags };
        sendRaw.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"--file: {path.FullName} does not exist.");
            }

            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path.FullName, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"--file: {path.FullName} cannot be read ({e.Message}).", e);
            }

            var message = Load(bytes, path.FullName);
            var destinations = parse.GetValue(rawTo) is { Length: > 0 } given ? given : RecipientsOf(message, path.FullName);

            // The file's own id when SesMailer wrote it; otherwise a new one, sent as a tag only (the file is sent as is).
            var id = message.Headers[StableId.HeaderName] is { Length: > 0 } own ? own.Trim() : StableId.New();
            var response = await InDoubtNamesAsync(id, ctx.Client.SendRawEmailAsync(new SendRawEmailRequest
            {
                RawMessage = bytes,
                Source = parse.GetValue(rawFrom),
                Destinations = destinations,
                ConfigurationSetName = parse.GetValue(rawConfigurationSet),
                Tags = [.. ParseTags(parse.GetValue(rawTags)), new SesMessageTag(StableId.TagName, id)],
            }, ct)).ConfigureAwait(false);
            PrintSent(ctx, response, id);
            return ExitCodes.Success;
        });
        yield return sendRaw;
    }

    private static Option<string?> ConfigurationSetOption() => new("--configuration-set") { Description = "The SES configuration set." };

    private static Option<string[]> TagOption() => new("--tag") { Description = "A message tag NAME=VALUE (repeat for more)." };

    private static void PrintSent(CommandContext ctx, SendEmailResponse response, string id) =>
        ctx.Print(
            () => JsonOutput.Object(w =>
            {
                w.WriteString("MessageId", response.MessageId);
                w.WriteString("RequestId", response.RequestId);
                w.WriteString("Id", id);
            }),
            () => TextTable.Pairs([("MessageId", response.MessageId), ("RequestId", response.RequestId), ("Id", id)]));

    /// <summary>Turns an in-doubt answer into the exception that names the message (exit code 3).</summary>
    private static async Task<T> InDoubtNamesAsync<T>(string id, Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (SesException e) when (e.IsInDoubt)
        {
            throw new CliInDoubtException(id, e);
        }
    }

    /// <summary>Parses <c>--tag NAME=VALUE</c>; the client checks the characters.</summary>
    internal static IReadOnlyList<SesMessageTag> ParseTags(string[]? values)
    {
        var tags = new List<SesMessageTag>();
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"--tag must be NAME=VALUE; it is \"{value}\".");
            }

            tags.Add(new SesMessageTag(value[..eq], value[(eq + 1)..]));
        }

        return tags;
    }

    /// <summary>
    /// Every To, Cc and Bcc address of the file: passed as Destinations so that SES does not fall back to the
    /// headers (which lose Bcc once a MIME writer drops it).
    /// </summary>
    private static MimeMessage Load(byte[] mime, string path)
    {
        try
        {
            using var stream = new MemoryStream(mime);
            return MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--file: {path} is not a MIME message ({e.Message}).", e);
        }
    }

    private static string[] RecipientsOf(MimeMessage message, string path)
    {
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address).ToArray();
        return recipients.Length > 0
            ? recipients
            : throw new CliUsageException($"--file: {path} has no To, Cc or Bcc recipients; give them with --to.");
    }
}
