using System.Collections.Generic;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Model;
using SesMailer.Rules;

namespace SesMailer.Generators.Parsing;

/// <summary>
/// Checks a static address written on <c>[Email]</c>: <c>name@example.com</c> or <c>Display Name &lt;name@example.com&gt;</c>.
/// The display name is split off here; the text and the address are checked with the rule book the mailer applies at
/// send (src/Rules), so an address accepted at build time is never refused at send.
/// </summary>
internal static class AddressParser
{
    public static AddressSpec? Parse(string property, string? value, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (value is null)
        {
            return null;
        }

        var error = TryParse(value, out var spec);
        if (error is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAddress, location, property, error));
            return null;
        }

        return spec;
    }

    /// <returns>Why <paramref name="value"/> is not valid (a sentence), else <see langword="null"/>.</returns>
    public static string? TryParse(string value, out AddressSpec? spec)
    {
        spec = null;

        // The whole text first: a line break the trimming below would remove is refused, not stripped.
        var text = HeaderTextRule.Check(value, "address");
        if (!text.IsValid)
        {
            return text.Message;
        }

        string? display = null;
        var address = value.Trim();
        var open = address.LastIndexOf('<');
        if (open >= 0)
        {
            if (address[address.Length - 1] != '>')
            {
                return $"'{value}' is not a valid address: '<' is not closed with '>' at the end.";
            }

            display = address.Substring(0, open).Trim().Trim('"');
            address = address.Substring(open + 1, address.Length - open - 2).Trim();
            if (display.Length == 0)
            {
                display = null;
            }
        }

        var rule = AddressRule.ToAscii(address);
        if (!rule.IsValid)
        {
            return rule.Message;
        }

        spec = new AddressSpec(address, display);
        return null;
    }
}
