using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SesMailer.TestSupport.Net;

namespace SesMailer.TestSupport.FakeSts;

/// <summary>
/// A stand-in for AWS STS on 127.0.0.1 that answers <c>AssumeRoleWithWebIdentity</c> (an unsigned Query API call)
/// and <c>AssumeRole</c> (signed by the source profile; the signature is recorded, not checked) with the XML shapes
/// of the STS API reference (2011-06-15) and temporary credentials of its own, so the AWS SDK's web-identity and
/// role profiles can be exercised without AWS. Point the SDK at it with <c>AWS_ENDPOINT_URL_STS</c>.
/// </summary>
public sealed class FakeStsServer : IAsyncDisposable
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();

    private FakeStsServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The temporary credentials every successful call hands out.</summary>
    public ImmutableCredentials IssuedCredentials { get; } = new(
        "ASIAFAKESTSEXAMPLE01",
        "fakeStsSecret/K7MDENG+bPxRfiCYEXAMPLEKEY01",
        "FwoGZXIvYXdzFAKESTSsessiontokenEXAMPLE//////////wEaDEXAMPLE01");

    /// <summary>How long the issued credentials are valid. The default value is one hour.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The form parameters of every request received, in order, with its <c>Authorization</c> header (if any) as <c>Authorization</c>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => _requests.ToArray();

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeStsServer> StartAsync()
    {
        FakeStsServer? server = null;
        var (app, endpoint) = await LoopbackWebServer.StartAsync(context => server!.HandleAsync(context)).ConfigureAwait(false);
        server = new FakeStsServer(app, endpoint);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var form = FormBody.Parse(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false));
        var parameters = form.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        if (context.Request.Headers.Authorization is { Count: > 0 } authorization)
        {
            parameters["Authorization"] = authorization.ToString();
        }

        _requests.Enqueue(parameters);
        var requestId = Guid.NewGuid().ToString();
        parameters.TryGetValue("Action", out var action);
        parameters.TryGetValue("RoleArn", out var roleArn);
        parameters.TryGetValue("RoleSessionName", out var sessionName);
        parameters.TryGetValue("WebIdentityToken", out var token);

        var (status, xml) = action switch
        {
            "AssumeRoleWithWebIdentity" when string.IsNullOrEmpty(roleArn) || string.IsNullOrEmpty(sessionName) || string.IsNullOrEmpty(token) =>
                (HttpStatusCode.BadRequest, Error("ValidationError", "RoleArn, RoleSessionName and WebIdentityToken are required.", requestId)),
            "AssumeRoleWithWebIdentity" => (HttpStatusCode.OK, Success(action, roleArn!, sessionName!, requestId)),
            "AssumeRole" when string.IsNullOrEmpty(roleArn) || string.IsNullOrEmpty(sessionName) =>
                (HttpStatusCode.BadRequest, Error("ValidationError", "RoleArn and RoleSessionName are required.", requestId)),
            "AssumeRole" when !context.Request.Headers.ContainsKey("Authorization") =>
                (HttpStatusCode.Forbidden, Error("MissingAuthenticationToken", "Request is missing Authentication Token", requestId)),
            "AssumeRole" => (HttpStatusCode.OK, Success(action, roleArn!, sessionName!, requestId)),
            _ => (HttpStatusCode.BadRequest, Error("InvalidAction", $"Could not find operation {action} for version 2011-06-15.", requestId)),
        };
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted).ConfigureAwait(false);
    }

    private string Success(string action, string roleArn, string sessionName, string requestId)
    {
        var expiration = (DateTimeOffset.UtcNow + Lifetime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var role = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var webIdentity = action == "AssumeRoleWithWebIdentity"
            ? "<SubjectFromWebIdentityToken>system:serviceaccount:mail:sender</SubjectFromWebIdentityToken>\n    <Audience>sts.amazonaws.com</Audience>"
            : string.Empty;
        var provider = action == "AssumeRoleWithWebIdentity" ? "<Provider>oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE</Provider>" : string.Empty;
        return $"""
            <{action}Response xmlns="{Namespace}">
              <{action}Result>
                {webIdentity}
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::123456789012:assumed-role/{Escape(role)}/{Escape(sessionName)}</Arn>
                  <AssumedRoleId>AROAFAKESTSEXAMPLE:{Escape(sessionName)}</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <SessionToken>{Escape(IssuedCredentials.Token)}</SessionToken>
                  <SecretAccessKey>{Escape(IssuedCredentials.SecretKey)}</SecretAccessKey>
                  <Expiration>{expiration}</Expiration>
                  <AccessKeyId>{Escape(IssuedCredentials.AccessKey)}</AccessKeyId>
                </Credentials>
                {provider}
              </{action}Result>
              <ResponseMetadata>
                <RequestId>{requestId}</RequestId>
              </ResponseMetadata>
            </{action}Response>
            """;
    }

    private static string Error(string code, string message, string requestId) => $"""
        <ErrorResponse xmlns="{Namespace}">
          <Error>
            <Type>Sender</Type>
            <Code>{code}</Code>
            <Message>{Escape(message)}</Message>
          </Error>
          <RequestId>{requestId}</RequestId>
        </ErrorResponse>
        """;

    private static string Escape(string value) => SecurityElement.Escape(value);
}
