using System.Diagnostics.Metrics;
using System.Globalization;
using SesMailer.Compatibility;
using SesMailer.Configuration;
using SesMailer.Mailing;
using SesMailer.Rendering;
using SesMailer.Transport;

namespace SesMailer.Preview.Rendering;

/// <summary>
/// Renders previews as a send would: the preview's sample and options go through a <see cref="Mailer"/> configured
/// with the application's <see cref="MailerOptions"/> (defaults, per-email settings, redirection) into a transport
/// that keeps the message, so the MIME shown and downloaded is what the mailer would hand to SES.
/// </summary>
public sealed class EmailPreviewRenderer : IDisposable
{
    /// <summary>The recipient given to a preview whose options name none.</summary>
    public const string DefaultSampleRecipient = "preview@example.com";

    /// <summary>SES's limit on a whole message, attachments included once encoded: 10,000,000 bytes.</summary>
    public const long SesMessageSizeLimit = LintRules.SesMessageSizeLimit;

    /// <summary>About where Gmail clips a message's HTML behind "View entire message": 102 KB.</summary>
    public const int GmailClipThreshold = LintRules.GmailClipBytes;

    private readonly MailerOptions _mailerOptions;
    private readonly string _sampleRecipient;
    private readonly HotReloadTemplates? _hotReload;
    private readonly PreviewMeterFactory _meters = new();
    private readonly MailerTelemetry _telemetry;

    /// <summary>Creates a renderer.</summary>
    /// <param name="mailerOptions">The application's mailer settings (sender, defaults per email, culture); empty when <see langword="null"/>.</param>
    /// <param name="hotReloadRoot">The project folder: render templates found there through SesMailer.RazorLight (edits show at once); <see langword="null"/> for the compiled templates.</param>
    /// <param name="sampleRecipient">The recipient given to a preview whose options name none.</param>
    public EmailPreviewRenderer(MailerOptions? mailerOptions = null, string? hotReloadRoot = null, string sampleRecipient = DefaultSampleRecipient)
    {
        ArgumentException.ThrowIfNullOrEmpty(sampleRecipient);
        _mailerOptions = mailerOptions ?? new MailerOptions();
        _sampleRecipient = sampleRecipient;
        _telemetry = new MailerTelemetry(_meters);
        _hotReload = hotReloadRoot is null ? null : new HotReloadTemplates(hotReloadRoot);
    }

    /// <summary>The folder templates are rendered from with hot reload, or <see langword="null"/>.</summary>
    public string? HotReloadRoot => _hotReload?.Root;

    /// <summary>
    /// Makes a sample with <paramref name="preview"/>, renders it (in <paramref name="culture"/> when given, else the
    /// preview's culture, the mailer's, the current one) and composes it through the mailer.
    /// </summary>
    /// <exception cref="EmailPreviewException">The preview member, a template or the message's checks failed; it says where.</exception>
    public async Task<RenderedPreview> RenderAsync(EmailDescriptor email, EmailPreviewDescriptor preview, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(preview);
        EmailSample sample;
        try
        {
            sample = preview.Create();
        }
        catch (Exception e)
        {
            throw EmailPreviewException.From(email, preview, "The preview member", e, _hotReload?.Root);
        }

        var options = sample.Options;
        if (culture is not null)
        {
            options.Culture = culture;
        }

        string? sampleRecipient = null;
        if (options.To.Count + options.Cc.Count + options.Bcc.Count == 0)
        {
            options.To.Add(_sampleRecipient);
            sampleRecipient = _sampleRecipient;
        }

        var transport = new InMemoryTransport();
        using var mailer = new Mailer(transport, _mailerOptions, telemetry: _telemetry);
        var used = options.Culture ?? mailer.DefaultCulture ?? CultureInfo.CurrentCulture;
        var path = PreviewRenderPath.Compiled;
        var unavailable = _hotReload?.CannotRender(email);
        try
        {
            if (_hotReload is not null && unavailable is null)
            {
                // The run-time counterpart of the generated Send{Name}Async: render in the send's culture, then the same
                // message with the same declaration through the same mailer.
                path = PreviewRenderPath.HotReload;
                var rendered = await _hotReload.RenderAsync(email, sample.Email, used, cancellationToken).ConfigureAwait(false);
                await mailer.SendAsync(new EmailMessage(rendered, options, email.Declaration), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await email.SendAsync(mailer, options, sample.Email, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw EmailPreviewException.From(email, preview, path == PreviewRenderPath.HotReload ? "Rendering from disk (hot reload)" : "Rendering", e, _hotReload?.Root);
        }

        var sent = transport.Last!;
        return new RenderedPreview(email.Name, preview.Name, used, path, unavailable, sampleRecipient, sent.Outgoing.Mime, sent.Mime, sent.Attachments, sent.InlineImages);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _telemetry.Dispose();
        _meters.Dispose();
    }

    /// <summary>
    /// Preview sends are not sends: their metrics go to a meter of their own (<c>SesMailer.Preview</c>), never the
    /// application's <c>SesMailer</c> meter, so dashboards do not count them.
    /// </summary>
    private sealed class PreviewMeterFactory : IMeterFactory
    {
        private Meter? _meter;

        public Meter Create(MeterOptions options) => _meter ??= new Meter("SesMailer.Preview");

        public void Dispose() => _meter?.Dispose();
    }
}
