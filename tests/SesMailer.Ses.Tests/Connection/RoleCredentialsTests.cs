using SesMailer.Ses.Tests.FakeServer;
using SesMailer.TestSupport.FakeSes;
using SesMailer.TestSupport.FakeSts;
using Xunit;

namespace SesMailer.Ses.Tests.Connection;

/// <summary>
/// Role credentials: AWSSDK.Core loads AWSSDK.SecurityToken by reflection and calls STS (here a local stand-in
/// reached through AWS_ENDPOINT_URL_STS), AssumeRoleWithWebIdentity with the token file's contents (EKS/IRSA style)
/// or AssumeRole signed by a source profile; SesClient signs with the temporary keys and session token it gets back.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class RoleCredentialsTests : IAsyncLifetime, IDisposable
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/mailer-sender";
    private const string WebIdentityToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6bWFpbDpzZW5kZXIifQ.c2lnbmF0dXJl";

    // Set up on construction and restored last (xunit calls DisposeAsync, then Dispose).
    private readonly IsolatedAwsEnvironment _environment = new();
    private FakeSesServer _ses = null!;
    private FakeStsServer _sts = null!;
    private string _tokenFile = null!;

    public async Task InitializeAsync()
    {
        _ses = await FakeSesServer.StartAsync();
        _sts = await FakeStsServer.StartAsync();
        _tokenFile = Path.Combine(_environment.Folder, "web-identity-token");
        await File.WriteAllTextAsync(_tokenFile, WebIdentityToken);
        _environment.Set("AWS_ENDPOINT_URL_STS", _sts.Endpoint.ToString());
        _ses.ExpectedCredentials = _sts.IssuedCredentials;
    }

    public async Task DisposeAsync()
    {
        await _ses.DisposeAsync();
        await _sts.DisposeAsync();
    }

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task A_profile_with_role_arn_and_web_identity_token_file_signs_with_the_temporary_credentials_STS_returned()
    {
        await File.WriteAllTextAsync(IsolatedAwsEnvironment.ConfigFile,
            $"[profile mailer-role]\nrole_arn = {RoleArn}\nweb_identity_token_file = {_tokenFile}\nrole_session_name = sesmailer-test\nregion = eu-west-1\n");
        using var ses = new SesClient(new SesClientOptions { Profile = "mailer-role", Endpoint = _ses.Endpoint });

        await ses.GetSendQuotaAsync(TestMessages.Timeout());
        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        var assume = Assert.Single(_sts.Requests);
        Assert.Equal("AssumeRoleWithWebIdentity", assume["Action"]);
        Assert.Equal(RoleArn, assume["RoleArn"]);
        Assert.Equal(WebIdentityToken, assume["WebIdentityToken"]);
        Assert.Equal("sesmailer-test", assume["RoleSessionName"]);
        Assert.Equal(2, _ses.Requests.Count);
        Assert.All(_ses.Requests, request =>
        {
            Assert.True(request.SignatureValid);
            Assert.Equal(_sts.IssuedCredentials.Token, request.Headers["x-amz-security-token"]);
            Assert.Contains($"Credential={_sts.IssuedCredentials.AccessKey}/", request.Headers["authorization"], StringComparison.Ordinal);
            Assert.Contains("/eu-west-1/ses/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_profile_with_role_arn_and_source_profile_assumes_the_role_signed_by_the_source_keys()
    {
        await File.WriteAllTextAsync(IsolatedAwsEnvironment.CredentialsFile, $"[base]\naws_access_key_id = {FakeSes.AccessKey}\naws_secret_access_key = {FakeSes.SecretKey}\n");
        await File.WriteAllTextAsync(IsolatedAwsEnvironment.ConfigFile,
            $"[profile mailer-role]\nrole_arn = {RoleArn}\nsource_profile = base\nrole_session_name = sesmailer-test\nregion = eu-west-1\n");
        using var ses = new SesClient(new SesClientOptions { Profile = "mailer-role", Endpoint = _ses.Endpoint });

        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        var assume = Assert.Single(_sts.Requests);
        Assert.Equal("AssumeRole", assume["Action"]);
        Assert.Equal(RoleArn, assume["RoleArn"]);
        Assert.Contains($"Credential={FakeSes.AccessKey}/", assume["Authorization"], StringComparison.Ordinal);
        var request = Assert.Single(_ses.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(_sts.IssuedCredentials.Token, request.Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task AWS_ROLE_ARN_and_AWS_WEB_IDENTITY_TOKEN_FILE_in_the_environment_give_the_default_chain_the_same_credentials()
    {
        _environment.Set("AWS_ROLE_ARN", RoleArn);
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", _tokenFile);
        _environment.Set("AWS_REGION", "us-west-2");
        using var ses = new SesClient(new SesClientOptions { Endpoint = _ses.Endpoint });

        await ses.GetSendQuotaAsync(TestMessages.Timeout());

        var assume = Assert.Single(_sts.Requests);
        Assert.Equal(RoleArn, assume["RoleArn"]);
        Assert.Equal(WebIdentityToken, assume["WebIdentityToken"]);
        var request = Assert.Single(_ses.Requests);
        Assert.True(request.SignatureValid);
        Assert.Equal(_sts.IssuedCredentials.Token, request.Headers["x-amz-security-token"]);
    }
}
