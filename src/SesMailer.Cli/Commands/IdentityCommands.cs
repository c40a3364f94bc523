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
        var verifyAddress = new Argument<string>("ADDRESS") { Description = "The email address." };
        var verifyEmail = new Command("verify-email", "Send a verification email to an address (SES VerifyEmailAddress, deprecated: prefer verify-identity).") { verifyAddress };
        verifyEmail.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.VerifyEmailAddressAsync(new(parse.GetValue(verifyAddress)!), ct).ConfigureAwait(false);
            ctx.PrintDone($"Verification email sent to {parse.GetValue(verifyAddress)}", response.RequestId);
            return ExitCodes.Success;
        });
        yield return verifyEmail;

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

        var deleteAddress = new Argument<string>("ADDRESS") { Description = "The email address." };
        var deleteVerified = new Command("delete-verified", "Delete a verified address (SES DeleteVerifiedEmailAddress, deprecated: prefer delete-identity).") { deleteAddress };
        deleteVerified.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.DeleteVerifiedEmailAddressAsync(new(parse.GetValue(deleteAddress)!), ct).ConfigureAwait(false);
            ctx.PrintDone($"Deleted {parse.GetValue(deleteAddress)}", response.RequestId);
            return ExitCodes.Success;
        });
        yield return deleteVerified;

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

        var deleteTarget = new Argument<string>("IDENTITY") { Description = "The email address or domain." };
        var deleteIdentity = new Command("delete-identity", "Delete an identity (SES DeleteIdentity).") { deleteTarget };
        deleteIdentity.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.DeleteIdentityAsync(new(parse.GetValue(deleteTarget)!), ct).ConfigureAwait(false);
            ctx.PrintDone($"Deleted {parse.GetValue(deleteTarget)}", response.RequestId);
            return ExitCodes.Success;
        });
        yield return deleteIdentity;
    }
}
