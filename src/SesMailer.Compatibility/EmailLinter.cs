using AngleSharp.Html.Parser;
using SesMailer.Compatibility.Checks;
using SesMailer.Compatibility.Clients;
using SesMailer.Compatibility.Data;
using SesMailer.Compatibility.Features;

namespace SesMailer.Compatibility;

/// <summary>
/// Checks rendered emails against the chosen mail clients (the vendored caniemail data, judged on each client's
/// latest tested version) and SesMailer's own checks (links, images, preheader, sizes). One instance can check any
/// number of emails, from any number of threads.
/// </summary>
/// <example>
/// <code>
/// var report = new EmailLinter().Check(new LintInput { Html = rendered.HtmlBody });
/// foreach (var finding in report.Findings) Console.WriteLine($"{finding.Severity}: {finding.Message}");
/// </code>
/// </example>
public sealed class EmailLinter
{
    private readonly IReadOnlyList<Client> _clients;

    /// <summary>Creates a linter for <paramref name="options"/>' clients (the default clients when null).</summary>
    /// <exception cref="ArgumentException">A client name is not one caniemail knows, or none is given.</exception>
    public EmailLinter(LintOptions? options = null)
    {
        options ??= new LintOptions();
        _clients = ClientSelection.Resolve(options.Clients, CanIEmailSnapshot.Document);
    }

    /// <summary>The caniemail features (slugs, ordered) that no detector maps yet: they are never reported.</summary>
    public static IReadOnlyList<string> UnmappedFeatures { get; } =
        [.. CanIEmailSnapshot.Document.Data.Select(static f => f.Slug).Where(static s => !MappedFeatures.Slugs.Contains(s)).Order(StringComparer.Ordinal)];

    /// <summary>Checks one rendered email.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or its <see cref="LintInput.Html"/> is null.</exception>
    public LintReport Check(LintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Html, "input.Html");

        var document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(input.Html);
        var findings = new List<LintFinding>();
        LinkCheck.Run(document, findings);
        ImageCheck.Run(document, findings);
        PreheaderCheck.Run(document, findings);
        SizeCheck.Run(input, findings);

        var data = CanIEmailSnapshot.Document;
        var hits = MappedFeatures.Find(document);
        foreach (var feature in data.Data.Where(f => hits.Contains(f.Slug)).OrderBy(f => hits.LineOf(f.Slug) ?? int.MaxValue).ThenBy(f => f.Slug, StringComparer.Ordinal))
        {
            if (CanIEmailFinding.For(feature, SupportJudge.Judge(feature, _clients), hits.LineOf(feature.Slug)) is { } finding)
            {
                findings.Add(finding);
            }
        }

        // Stable: errors first, then warnings, then information, each in the order found.
        var ordered = findings.Select((f, i) => (f, i)).OrderByDescending(static p => p.f.Severity).ThenBy(static p => p.i).Select(static p => p.f).ToList();
        return new LintReport(ordered, [.. _clients.Select(static c => c.ToString())], MappedFeatures.Slugs.Count(s => data.Data.Any(f => f.Slug == s)), data.Data.Count, CanIEmailSnapshot.DataDate);
    }
}
