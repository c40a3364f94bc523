using System.CommandLine;
using SesMailer.Cli.Output;
using SesMailer.Ses;
using SesMailer.Ses.Model;

#pragma warning disable CS0618 // verify-email, list-verified and delete-verified are the seed's deprecated calls, on purpose.

namespace SesMailer.Cli.Commands;

/// <summary>verify-email, list-verified, delete-verified, verify-identity, list-identities, delete-identity.</summary>
internal static class IdentityCommands
{
    public static IEnumerable<Command> Create(Func<ParseResult, CommandContext> context)
    {
        yield return OneTarget(
            context,
            "verify-email",
            "Send a verification email to an address (SES VerifyEmailAddress, deprecated: prefer verify-identity).",
            new Argument<string>("ADDRESS") { Description = "The email address." },
            static (client, address, ct) => client.VerifyEmailAddressAsync(new(address), ct),
            "Verification email sent to");

        var listVerified = new Command("list-verified", "List verified email addresses (SES ListVerifiedEmailAddresses, deprecated: prefer list-identities).");
        listVerified.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.ListVerifiedEmailAddressesAsync(ct).ConfigureAwait(false);
            ctx.Print(
                () => JsonOutput.Object(w =>
                {
                    w.StringArray("VerifiedEmailAddresses", response.VerifiedEmailAddresses);
                    w.WriteString("RequestId", response.RequestId);
                }),
                () => TextTable.Render(["VerifiedEmailAddress"], response.VerifiedEmailAddresses.Select(a => (IReadOnlyList<string>)[a])));
            return ExitCodes.Success;
        });
        yield return listVerified;

        yield return OneTarget(
            context,
            "delete-verified",
            "Delete a verified address (SES DeleteVerifiedEmailAddress, deprecated: prefer delete-identity).",
            new Argument<string>("ADDRESS") { Description = "The email address." },
            static (client, address, ct) => client.DeleteVerifiedEmailAddressAsync(new(address), ct),
            "Deleted");

        var identity = new Argument<string>("EMAIL_OR_DOMAIN") { Description = "An email address or a domain." };
        var verifyIdentity = new Command("verify-identity", "Verify an email address (a verification email is sent) or a domain (prints the TXT record to publish).") { identity };
        verifyIdentity.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var value = parse.GetValue(identity)!;
            if (value.Contains('@', StringComparison.Ordinal))
            {
                var response = await ctx.Client.VerifyEmailIdentityAsync(new(value), ct).ConfigureAwait(false);
                ctx.PrintDone($"Verification email sent to {value}", response.RequestId);
            }
            else
            {
                var response = await ctx.Client.VerifyDomainIdentityAsync(new(value), ct).ConfigureAwait(false);
                ctx.Print(
                    () => JsonOutput.Object(w =>
                    {
                        w.WriteString("VerificationToken", response.VerificationToken);
                        w.WriteString("RequestId", response.RequestId);
                    }),
                    () => $"Publish this DNS record to verify {value}:{Environment.NewLine}" +
                          TextTable.Render(["Name", "Type", "Value"], [["_amazonses." + value, "TXT", response.VerificationToken]]));
            }

            return ExitCodes.Success;
        });
        yield return verifyIdentity;

        var type = new Option<IdentityType?>("--type") { Description = "Only EmailAddress or Domain identities." };
        var listIdentities = new Command("list-identities", "List every identity (all pages of SES ListIdentities).") { type };
        listIdentities.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var identities = await ctx.Client.ListAllIdentitiesAsync(parse.GetValue(type), ct).ConfigureAwait(false);
            ctx.Print(() => JsonOutput.Object(w => w.StringArray("Identities", identities)),
                () => TextTable.Render(["Identity"], identities.Select(i => (IReadOnlyList<string>)[i])));
            return ExitCodes.Success;
        });
        yield return listIdentities;

        yield return OneTarget(
            context,
            "delete-identity",
            "Delete an identity (SES DeleteIdentity).",
            new Argument<string>("IDENTITY") { Description = "The email address or domain." },
            static (client, identity, ct) => client.DeleteIdentityAsync(new(identity), ct),
            "Deleted");
    }

    /// <summary>A command that calls SES once on its one argument and answers only a request id.</summary>
    private static Command OneTarget(
        Func<ParseResult, CommandContext> context,
        string name,
        string description,
        Argument<string> target,
        Func<ISesClient, string, CancellationToken, Task<SesEmptyResponse>> call,
        string done)
    {
        var command = new Command(name, description) { target };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var value = parse.GetValue(target)!;
            var response = await call(ctx.Client, value, ct).ConfigureAwait(false);
            ctx.PrintDone($"{done} {value}", response.RequestId);
            return ExitCodes.Success;
        });
        return command;
    }
}
