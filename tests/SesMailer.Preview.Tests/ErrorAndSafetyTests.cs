using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace SesMailer.Preview.Tests;

/// <summary>Errors show their template line; outside Development nothing is mapped unless asked; conventions apply.</summary>
public class ErrorAndSafetyTests
{
    [Fact]
    public async Task A_template_that_throws_shows_the_template_line_and_message_not_a_blank_page()
    {
        await using var server = await PreviewServer.StartAsync();

        var (status, body, _) = await server.GetAsync("/emails/Broken/Explodes");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("<main id=\"render-error\" data-email=\"Broken\" data-preview=\"Explodes\">", body, StringComparison.Ordinal);
        Assert.Contains("the sample has no address", body, StringComparison.Ordinal);
        Assert.Matches("<tr data-error-location data-template=\"[^\"]*Emails/BrokenEmail.cshtml\" data-line=\"3\">", body);

        // The frame reports it too, instead of an empty document.
        var (frameStatus, frame, _) = await server.GetAsync("/emails/Broken/Explodes/html");
        Assert.Equal(HttpStatusCode.InternalServerError, frameStatus);
        Assert.Contains("the sample has no address", frame, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_Development_nothing_is_mapped_unless_the_app_opts_in(string environment)
    {
        await using (var server = await PreviewServer.StartAsync(environment))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await server.GetAsync("/emails")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await server.GetAsync("/emails/Order/Plain/eml")).Status);
        }

        await using (var server = await PreviewServer.StartAsync(environment, o => o.EnableOutsideDevelopment = true))
        {
            Assert.Equal(HttpStatusCode.OK, (await server.GetAsync("/emails")).Status);
        }
    }

    [Fact]
    public async Task RequireAuthorization_on_the_returned_builder_protects_every_page()
    {
        await using var server = await PreviewServer.StartAsync(
            services: builder =>
            {
                builder.Services.AddAuthentication(HeaderAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
                builder.Services.AddAuthorization();
            },
            map: app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapEmailPreviews("/emails", o => o.HotReload = false).RequireAuthorization();
            });

        Assert.Equal(HttpStatusCode.Unauthorized, (await server.GetAsync("/emails")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.GetAsync("/emails/Order/Plain/eml")).Status);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/emails/Order/Plain/eml", UriKind.Relative));
        request.Headers.Add("X-Test-User", "ann");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Authenticates a request that carries <c>X-Test-User</c>.</summary>
    private sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
