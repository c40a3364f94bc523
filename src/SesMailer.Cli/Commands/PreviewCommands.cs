using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesMailer.Cli.Loading;
using SesMailer.Cli.Output;
using SesMailer.Compatibility;
using SesMailer.Configuration;
using SesMailer.Preview.Rendering;
using SesMailer.Rendering;

namespace SesMailer.Cli.Commands;

/// <summary>
/// preview and lint: every [EmailPreview] of an application's assembly rendered through the mailer (neutral and each
/// culture of its localized templates), written out or checked with the compatibility report.
/// </summary>
internal static class PreviewCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        var project = new Option<string?>("--project") { Description = "A project to build (dotnet build) and preview; its appsettings.json 'SesMailer' section configures the mailer." };
        var assembly = new Option<string?>("--assembly") { Description = "An application assembly already built (its folder's appsettings.json is read if present)." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The configuration --project is built in.", DefaultValueFactory = _ => "Debug" };
        var from = new Option<string?>("--from") { Description = "The sender of emails that declare none (else SesMailer:From of appsettings.json)." };

        var outDir = new Option<string>("--out") { Description = "The folder the .html, .txt and .eml files are written to.", Required = true };
        var preview = new Command("preview", "Render every email preview of an application to .html, .txt and .eml files and list them.") { project, assembly, configuration, from, outDir };
        preview.SetAction(async (parse, ct) =>
        {
            using var loaded = await LoadAsync(parse, project, assembly, configuration, error, ct).ConfigureAwait(false);
            var folder = Path.GetFullPath(parse.GetValue(outDir)!);
            Directory.CreateDirectory(folder);
            using var renderer = new EmailPreviewRenderer(MailerSettings(parse, from, loaded.Settings));
            var linter = new EmailLinter();
            var rows = new List<IReadOnlyList<string>>();
            var failed = 0;
            foreach (var (email, sample, culture) in Variants(loaded.Assembly.Emails))
            {
                if (sample is null)
                {
                    rows.Add([email.Name, "(none)", "", "", "", $"no preview: add [EmailPreview(\"Default\")] static {email.ModelType.Name} Default() => new(…);"]);
                    continue;
                }

                try
                {
                    var rendered = await renderer.RenderAsync(email, sample, culture, ct).ConfigureAwait(false);
                    var stem = Path.Combine(folder, FileName(email.Name), FileName(sample.Name) + (culture is null ? string.Empty : "." + culture.Name));
                    Directory.CreateDirectory(Path.GetDirectoryName(stem)!);
                    if (rendered.Html is not null)
                    {
                        await File.WriteAllTextAsync(stem + ".html", rendered.Html, ct).ConfigureAwait(false);
                    }

                    if (rendered.Text is not null)
                    {
                        await File.WriteAllTextAsync(stem + ".txt", rendered.Text, ct).ConfigureAwait(false);
                    }

                    await File.WriteAllBytesAsync(stem + ".eml", rendered.Mime.ToArray(), ct).ConfigureAwait(false);
                    var report = PreviewLint.Check(linter, email, rendered);
                    var warnings = rendered.Warnings.ToList();
                    if (report is not null)
                    {
                        var errors = report.Findings.Count(static f => f.Severity == LintSeverity.Error);
                        var lintWarnings = report.Findings.Count(static f => f.Severity == LintSeverity.Warning);
                        if (errors + lintWarnings > 0)
                        {
                            warnings.Add($"{errors} compatibility error(s), {lintWarnings} warning(s) (sesmailer lint)");
                        }
                    }

                    rows.Add([email.Name, sample.Name, rendered.Culture.Name, rendered.Subject, Size(rendered.Size), string.Join("; ", warnings)]);
                }
                catch (EmailPreviewException e)
                {
                    failed++;
                    rows.Add([email.Name, sample.Name, culture?.Name ?? "", "", "", "error (below)"]);
                    await WriteErrorAsync(error, e).ConfigureAwait(false);
                }
            }

            await output.WriteAsync(TextTable.Render(["Email", "Variant", "Culture", "Subject", "Size", "Warnings"], rows)).ConfigureAwait(false);
            await output.WriteLineAsync($"Wrote {rows.Count(r => r[4].Length > 0)} preview(s) to {folder}.").ConfigureAwait(false);
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        yield return preview;

        var clients = new Option<string[]>("--clients") { Description = $"The mail clients to judge against, as caniemail names them (default: {string.Join(' ', LintOptions.DefaultClients)}).", AllowMultipleArgumentsPerToken = false };
        var lint = new Command("lint", "Check every email preview of an application with the compatibility report; exit 1 when an error-level finding exists.") { project, assembly, configuration, from, clients };
        lint.SetAction(async (parse, ct) =>
        {
            var options = new LintOptions();
            if (parse.GetValue(clients) is { Length: > 0 } chosen)
            {
                options.Clients.Clear();
                foreach (var client in chosen.SelectMany(static c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                {
                    options.Clients.Add(client);
                }
            }

            EmailLinter linter;
            try
            {
                linter = new EmailLinter(options);
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException("--clients: " + e.Message, e);
            }

            using var loaded = await LoadAsync(parse, project, assembly, configuration, error, ct).ConfigureAwait(false);
            using var renderer = new EmailPreviewRenderer(MailerSettings(parse, from, loaded.Settings));
            var errors = 0;
            var warnings = 0;
            var checkedCount = 0;
            LintReport? last = null;
            foreach (var (email, sample, culture) in Variants(loaded.Assembly.Emails))
            {
                if (sample is null)
                {
                    await output.WriteLineAsync($"{email.Name}: not checked, it has no [EmailPreview].").ConfigureAwait(false);
                    continue;
                }

                var title = $"{email.Name} · {sample.Name}{(culture is null ? string.Empty : " (" + culture.Name + ")")}";
                try
                {
                    var rendered = await renderer.RenderAsync(email, sample, culture, ct).ConfigureAwait(false);
                    var report = PreviewLint.Check(linter, email, rendered);
                    checkedCount++;
                    if (report is null)
                    {
                        await output.WriteLineAsync($"{title}: no HTML part, nothing to check.").ConfigureAwait(false);
                        continue;
                    }

                    last = report;
                    errors += report.Findings.Count(static f => f.Severity == LintSeverity.Error);
                    warnings += report.Findings.Count(static f => f.Severity == LintSeverity.Warning);
                    await output.WriteLineAsync($"{title} ({email.HtmlTemplatePath}): {(report.Findings.Count == 0 ? "no finding" : report.Findings.Count + " finding(s)")}").ConfigureAwait(false);
                    foreach (var finding in report.Findings)
                    {
                        var line = new StringBuilder("  ").Append(finding.Severity.ToString().ToLowerInvariant()).Append(' ').Append(finding.Feature ?? finding.RuleId);
                        if (finding.Line is { } number)
                        {
                            line.Append(" (line ").Append(number.ToString(CultureInfo.InvariantCulture)).Append(')');
                        }

                        line.Append(": ").Append(finding.Message);
                        if (finding.Clients.Count > 0)
                        {
                            line.Append(" [").Append(string.Join(", ", finding.Clients)).Append(']');
                        }

                        await output.WriteLineAsync(line.ToString()).ConfigureAwait(false);
                        if (finding.Note is not null)
                        {
                            await output.WriteLineAsync("    " + finding.Note.ReplaceLineEndings(Environment.NewLine + "    ")).ConfigureAwait(false);
                        }
                    }
                }
                catch (EmailPreviewException e)
                {
                    errors++;
                    await WriteErrorAsync(error, e).ConfigureAwait(false);
                }
            }

            if (last is not null)
            {
                await output.WriteLineAsync($"Clients: {string.Join(", ", last.Clients)}; caniemail data of {last.DataDate}, {last.MappedFeatureCount} of {last.TotalFeatureCount} features checked.").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"{checkedCount} preview(s) checked: {errors} error(s), {warnings} warning(s).").ConfigureAwait(false);
            return errors > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        yield return lint;
    }

    /// <summary>Each email with each of its previews, neutral then in each culture of its localized templates; an email with none once, with no preview.</summary>
    private static IEnumerable<(EmailDescriptor Email, EmailPreviewDescriptor? Preview, CultureInfo? Culture)> Variants(IReadOnlyList<EmailDescriptor> emails)
    {
        foreach (var email in emails)
        {
            if (email.Previews.Count == 0)
            {
                yield return (email, null, null);
                continue;
            }

            foreach (var preview in email.Previews)
            {
                yield return (email, preview, null);
                foreach (var culture in email.Cultures)
                {
                    yield return (email, preview, CultureInfo.GetCultureInfo(culture));
                }
            }
        }
    }

    private static async Task<Loaded> LoadAsync(ParseResult parse, Option<string?> project, Option<string?> assembly, Option<string> configuration, TextWriter log, CancellationToken cancellationToken)
    {
        var projectPath = parse.GetValue(project);
        var assemblyPath = parse.GetValue(assembly);
        if ((projectPath is null) == (assemblyPath is null))
        {
            throw new CliUsageException("Give exactly one of --project PATH (built first) or --assembly PATH.");
        }

        var path = assemblyPath ?? await EmailAssembly.BuildAsync(projectPath!, parse.GetValue(configuration)!, log, cancellationToken).ConfigureAwait(false);
        // The app's settings: its project folder's appsettings.json, else the one copied beside the assembly.
        var settingsFolder = projectPath is null ? Path.GetDirectoryName(Path.GetFullPath(path))! : Directory.Exists(projectPath) ? projectPath : Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var settings = Path.Combine(settingsFolder, "appsettings.json");
        return new Loaded(EmailAssembly.Load(path), File.Exists(settings) ? settings : null);
    }

    /// <summary>The mailer settings of the app (its appsettings.json 'SesMailer' section), checked as at its start-up, with --from on top.</summary>
    private static MailerOptions MailerSettings(ParseResult parse, Option<string?> from, string? settingsFile)
    {
        var services = new ServiceCollection();
        var builder = settingsFile is null
            ? services.AddSesMailer()
            : services.AddSesMailer(new ConfigurationBuilder().AddJsonFile(settingsFile, optional: false).Build().GetSection("SesMailer"));
        if (parse.GetValue(from) is { } sender)
        {
            builder.DefaultFrom(sender);
        }

        using var provider = services.BuildServiceProvider();
        try
        {
            return provider.GetRequiredService<IOptions<MailerOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            throw new CliUsageException($"{settingsFile ?? "--from"}: {string.Join("; ", e.Failures)}", e);
        }
    }

    private static async Task WriteErrorAsync(TextWriter error, EmailPreviewException e)
    {
        await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
        foreach (var location in e.Locations)
        {
            await error.WriteLineAsync($"  {location.Path}({location.Line},{location.Column}): {location.Message}").ConfigureAwait(false);
        }
    }

    private static string Size(long bytes) => bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:N1} KB";

    /// <summary>A file name of letters, digits, '-', '_' and '.' only: preview names are free text.</summary>
    private static string FileName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }

        return builder.ToString();
    }

    private sealed record Loaded(EmailAssembly Assembly, string? Settings) : IDisposable
    {
        public void Dispose() => Assembly.Dispose();
    }
}
