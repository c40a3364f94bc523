using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SesMailer.Compatibility;
using SesMailer.Preview.Pages;
using SesMailer.Preview.Rendering;
using SesMailer.Rendering;

namespace SesMailer.Preview.Http;

/// <summary>The handlers behind each page; every response sets its own security headers.</summary>
internal static class PreviewHandlers
{
    /// <summary>The preview pages: no script at all, the one style block by nonce, frames from this origin only.</summary>
    private static string PageCsp(string nonce) => "default-src 'none'; style-src 'nonce-" + nonce + "'; img-src 'self' data:; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

    /// <summary>
    /// The email's HTML: a sandbox (no script, an opaque origin) even when opened outside its iframe; images and styles as
    /// mail clients load them, nothing else (no script, no frame, no form, no plugin, no connection).
    /// </summary>
    public const string FrameCsp = "sandbox; default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline' https:; font-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    /// <summary>Attachments and the .eml: downloaded, never rendered by the browser.</summary>
    private const string DownloadCsp = "sandbox; default-src 'none'";

    public static void Map(RouteGroupBuilder group, EmailPreviewRenderer renderer, EmailLinter linter, string pattern)
    {
        var links = new PreviewLinks(pattern);
        group.MapGet("/", (HttpContext context) =>
        {
            var nonce = Nonce();
            return Page(context, IndexPage.Render(EmailRegistry.All, links, nonce), nonce, StatusCodes.Status200OK);
        });

        group.MapGet("/{email}/{preview}", (HttpContext context, string email, string preview) =>
            RenderThenAsync(context, renderer, links, email, preview, inFrame: false, request =>
            {
                var report = PreviewLint.Check(linter, request.Email, request.Rendered);
                var html = PreviewPage.Render(request.Email, request.Preview, request.Rendered, report, request.State, links, request.Nonce);
                return Page(context, html, request.Nonce, StatusCodes.Status200OK);
            }));

        group.MapGet("/{email}/{preview}/html", (HttpContext context, string email, string preview) =>
            RenderThenAsync(context, renderer, links, email, preview, inFrame: true, request =>
                Results.Content(FrameDocument.Create(request.Rendered, dark: request.State.View == "dark"), "text/html; charset=utf-8", Encoding.UTF8)));

        group.MapGet("/{email}/{preview}/eml", (HttpContext context, string email, string preview) =>
            RenderThenAsync(context, renderer, links, email, preview, inFrame: false, request =>
            {
                Secure(context, DownloadCsp);
                return Results.File(request.Rendered.Mime.ToArray(), "message/rfc822", FileName($"{email}-{preview}.eml"));
            }));

        group.MapGet("/{email}/{preview}/parts/{index:int}", (HttpContext context, string email, string preview, int index) =>
            RenderThenAsync(context, renderer, links, email, preview, inFrame: false, request =>
            {
                var parts = request.Rendered.InlineImages.Concat(request.Rendered.Attachments).ToList();
                if (index < 0 || index >= parts.Count)
                {
                    return Page(context, ErrorPage.Message("Not found", $"Preview '{preview}' of '{email}' has {parts.Count} part(s); there is no part {index}.", links, request.Nonce), request.Nonce, StatusCodes.Status404NotFound);
                }

                Secure(context, DownloadCsp);
                return Results.File(parts[index].Content.ToArray(), parts[index].ContentType, FileName(parts[index].FileName));
            }));
    }

    /// <summary>
    /// What every preview handler does first: find the email and its preview (a 404 page when either is unknown), read
    /// the query (a 400 page for a value outside its set), render, and hand the result to <paramref name="respond"/>.
    /// A rendering error becomes the error page (500); <paramref name="inFrame"/> serves it, like the email, under the
    /// frame's sandboxing CSP, since it is shown inside the iframe.
    /// </summary>
    private static async Task<IResult> RenderThenAsync(HttpContext context, EmailPreviewRenderer renderer, PreviewLinks links, string email, string preview, bool inFrame, Func<PreviewRequest, IResult> respond)
    {
        var nonce = Nonce();
        var (found, state, problem) = Find(context, email, preview, links, nonce);
        if (problem is not null)
        {
            return problem;
        }

        if (inFrame)
        {
            Secure(context, FrameCsp);
        }

        try
        {
            var rendered = await renderer.RenderAsync(found!.Value.Email, found.Value.Preview, Culture(state!), context.RequestAborted).ConfigureAwait(false);
            return respond(new PreviewRequest(found.Value.Email, found.Value.Preview, state!, rendered, nonce));
        }
        catch (EmailPreviewException e)
        {
            var page = ErrorPage.Render(e, links, nonce);
            return inFrame
                ? Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status500InternalServerError)
                : Page(context, page, nonce, StatusCodes.Status500InternalServerError);
        }
    }

    private static ((EmailDescriptor Email, EmailPreviewDescriptor Preview)? Found, PreviewState? State, IResult? Problem) Find(HttpContext context, string email, string preview, PreviewLinks links, string nonce)
    {
        // Two assemblies loaded in one process may each declare an email of the same name (an app and a library, or two
        // samples in one test run): the one that has the requested preview is meant.
        var named = EmailRegistry.All.Where(d => string.Equals(d.Name, email, StringComparison.Ordinal)).ToList();
        var descriptor = named.FirstOrDefault(d => d.Previews.Any(p => string.Equals(p.Name, preview, StringComparison.Ordinal))) ?? named.FirstOrDefault();
        var sample = descriptor?.Previews.FirstOrDefault(p => string.Equals(p.Name, preview, StringComparison.Ordinal));
        if (descriptor is null || sample is null)
        {
            var message = descriptor is null
                ? $"No email named '{email}' is registered."
                : $"Email '{email}' has no preview named '{preview}'" + (descriptor.Previews.Count == 0 ? "; it has no preview yet." : $"; its previews: {string.Join(", ", descriptor.Previews.Select(static p => p.Name))}.");
            return (null, null, Page(context, ErrorPage.Message("Not found", message, links, nonce), nonce, StatusCodes.Status404NotFound));
        }

        var (state, error) = PreviewState.Read(name => context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null, descriptor.Cultures);
        if (error is not null)
        {
            return (null, null, Page(context, ErrorPage.Message("Bad request", error, links, nonce), nonce, StatusCodes.Status400BadRequest));
        }

        return ((descriptor, sample), state, null);
    }

    private static CultureInfo? Culture(PreviewState state) => state.Culture is null ? null : CultureInfo.GetCultureInfo(state.Culture);

    private static IResult Page(HttpContext context, string html, string nonce, int status)
    {
        Secure(context, PageCsp(nonce));
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static void Secure(HttpContext context, string csp)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = csp;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.XFrameOptions = "SAMEORIGIN";
    }

    /// <summary>A download name of letters, digits, '-', '_' and '.' only.</summary>
    private static string FileName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return builder.ToString();
    }

    private static string Nonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>A found, rendered preview and the request's choices: what each handler responds from.</summary>
    private sealed record PreviewRequest(EmailDescriptor Email, EmailPreviewDescriptor Preview, PreviewState State, RenderedPreview Rendered, string Nonce);
}
