using System.Collections.Generic;
using SesMailer.Generators.Diagnostics;
using SesMailer.Generators.Model;

namespace SesMailer.Generators.Parsing;

/// <summary>Checks a static address written on <c>[Email]</c>: <c>name@example.com</c> or <c>Display Name &lt;name@example.com&gt;</c>.</summary>
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
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAddress, location, property, value, error));
            return null;
        }

        return spec;
    }

    /// <returns>An explanation when <paramref name="value"/> is not valid, else <see langword="null"/>.</returns>
    public static string? TryParse(string value, out AddressSpec? spec)
    {
        spec = null;
        if (value.IndexOf('\r') >= 0 || value.IndexOf('\n') >= 0)
        {
            return "it contains a line break (header injection)";
        }

        string? display = null;
        var address = value.Trim();
        var open = address.LastIndexOf('<');
        if (open >= 0)
        {
            if (!address.EndsWith(">", System.StringComparison.Ordinal))
            {
                return "'<' is not closed with '>' at the end";
            }

            display = address.Substring(0, open).Trim().Trim('"');
            address = address.Substring(open + 1, address.Length - open - 2).Trim();
            if (display.Length == 0)
            {
                display = null;
            }
        }

        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return "it needs exactly one '@' with text on both sides";
        }

        var local = address.Substring(0, at);
        var domain = address.Substring(at + 1);
        foreach (var c in local)
        {
            if (c > 127)
            {
                return "the local part is not ASCII (SES cannot send SMTPUTF8)";
            }

            if (char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\')
            {
                return $"the local part contains '{c}'";
            }
        }

        if (domain.IndexOf('.') <= 0 || domain.EndsWith(".", System.StringComparison.Ordinal) || domain.Contains(".."))
        {
            return "the domain needs a dot between non-empty labels";
        }

        foreach (var c in domain)
        {
            if (char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\' or '@')
            {
                return $"the domain contains '{c}'";
            }
        }

        spec = new AddressSpec(address, display);
        return null;
    }
}
