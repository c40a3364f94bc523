using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SesMailer.Compatibility;
using SesMailer.Configuration;
using SesMailer.Preview.Http;
using SesMailer.Preview.Rendering;

namespace SesMailer.Preview;

/// <summary>Maps the email preview pages.</summary>
public static class EmailPreviewEndpoints
{
    /// <summary>
    /// Maps the preview pages under <paramref name="pattern"/>: an index of every email in
    /// <see cref="SesMailer.Rendering.EmailRegistry"/> and, for each <c>[EmailPreview]</c>, its HTML in a sandboxed iframe, text,
    /// headers, attachments, raw <c>.eml</c> and sizes. Outside the Development environment nothing is mapped unless
    /// <see cref="EmailPreviewOptions.EnableOutsideDevelopment"/> is set. Previews are addressed by email and preview
    /// name only; nothing in a request names a file.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="EmailPreviewOptions.Clients"/> names a client caniemail does not know.</exception>
    /// <returns>The group's convention builder: <c>.RequireAuthorization()</c> and other conventions apply to every page.</returns>
    /// <example><code>app.MapEmailPreviews("/emails").RequireAuthorization("admins");</code></example>
    public static IEndpointConventionBuilder MapEmailPreviews(this IEndpointRouteBuilder endpoints, string pattern = "/emails", Action<EmailPreviewOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var options = new EmailPreviewOptions();
        configure?.Invoke(options);
        var group = endpoints.MapGroup(pattern);
        var environment = endpoints.ServiceProvider.GetService<IHostEnvironment>();
        var development = environment?.IsDevelopment() == true;
        if (!development && !options.EnableOutsideDevelopment)
        {
            // An empty group: conventions added by the caller still compile, and no page exists.
            return group;
        }

        var root = options.TemplateRoot ?? environment?.ContentRootPath;
        var hotReload = development && options.HotReload && root is not null ? root : null;
        var mailerOptions = endpoints.ServiceProvider.GetService<IOptions<MailerOptions>>()?.Value;
        var renderer = new EmailPreviewRenderer(mailerOptions, hotReload, options.SampleRecipient);
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopped.Register(renderer.Dispose);
        var lintOptions = new LintOptions();
        lintOptions.Clients.Clear();
        foreach (var client in options.Clients)
        {
            lintOptions.Clients.Add(client);
        }

        // Checked here, at start-up: an unknown client name fails the app's start, naming the client.
        PreviewHandlers.Map(group, renderer, new EmailLinter(lintOptions), pattern);
        return group;
    }
}
