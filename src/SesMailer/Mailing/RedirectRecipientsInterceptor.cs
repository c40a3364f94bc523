using SesMailer.Mime;
using SesMailer.Ses;

namespace SesMailer.Mailing;

/// <summary>
/// Sends every message to one address instead of its recipients (for staging and QA environments). The
/// original To, Cc and Bcc are listed in the <c>X-SesMailer-Original-Recipients</c> header so a tester can see
/// who would have received it.
/// </summary>
public sealed class RedirectRecipientsInterceptor : IEmailInterceptor
{
    /// <summary>The header listing the recipients the message was meant for.</summary>
    public const string OriginalRecipientsHeader = "X-SesMailer-Original-Recipients";

    private readonly EmailAddress _target;

    /// <summary>Creates an interceptor redirecting every message to <paramref name="target"/>.</summary>
    /// <exception cref="EmailValidationException"><paramref name="target"/> is not a valid address.</exception>
    public RedirectRecipientsInterceptor(EmailAddress target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Mailboxes.ToAscii(target, nameof(target));
        _target = target;
    }

    /// <inheritdoc />
    public ValueTask OnSendingAsync(EmailSendingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = context.Message;

        // The originals are checked as in production, so staging rejects what production would, naming the field.
        Check(message.Options.To, "To");
        Check(message.Options.Cc, "Cc");
        Check(message.Options.Bcc, "Bcc");
        var original = message.Options.To.Select(a => "to:" + a.Address)
            .Concat(message.Options.Cc.Select(a => "cc:" + a.Address))
            .Concat(message.Options.Bcc.Select(a => "bcc:" + a.Address));
        message.Options.Headers[OriginalRecipientsHeader] = string.Join(", ", original);
        message.Options.To.Clear();
        message.Options.Cc.Clear();
        message.Options.Bcc.Clear();
        message.Options.To.Add(_target);

        // One recipient now: splitting per recipient would only send duplicates.
        message.Options.OneMessagePerRecipient = false;
        return ValueTask.CompletedTask;
    }

    private static void Check(IList<EmailAddress> addresses, string field)
    {
        for (var i = 0; i < addresses.Count; i++)
        {
            Mailboxes.ToAscii(addresses[i], $"{field}[{i}]");
        }
    }
}
