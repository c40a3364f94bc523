using SesMailer.Mailing;
using SesMailer.Ses;
using SesMailer.Tests.Support;
using SesMailer.TestSupport.FakeSes;

namespace SesMailer.Tests.Outbox;

/// <summary>A temporary outbox folder, a mailer writing into it, and a mailer sending through the fake SES.</summary>
internal sealed class OutboxFixture : IAsyncDisposable
{
    private OutboxFixture(FakeSesServer server, string folder)
    {
        Server = server;
        Folder = folder;
        Writer = Mailer.Create(m => m.UseOutbox(folder));
        Ses = Mailer.Create(m => m.UseSes(
            o =>
            {
                (o.Region, o.Endpoint) = ("us-east-1", server.Endpoint);
                o.Retry = new SesRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
            },
            SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret")));
    }

    public FakeSesServer Server { get; }

    public string Folder { get; }

    /// <summary>Writes into the outbox (the FileOutboxTransport).</summary>
    public Mailer Writer { get; }

    /// <summary>Sends through the fake SES, built as an application's mailer is.</summary>
    public Mailer Ses { get; }

    public string Sub(string name) => Path.Combine(Folder, name);

    public static async Task<OutboxFixture> StartAsync()
    {
        var server = await FakeSesServer.StartAsync();

        // An account out of the sandbox: the mailer paces sends at the rate GetSendQuota answers.
        server.State.MaxSendRate = 1000;
        return new(server, Path.Combine(Path.GetTempPath(), "folderoutbox-" + Guid.NewGuid().ToString("N")));
    }

    public async Task<SendResult> QueueAsync(Action<EmailMessage>? change = null) => await Writer.SendAsync(TestMessages.Valid(change));

    public IReadOnlyList<FakeSesRequest> Sends => [.. Server.Requests.Where(r => r.Action == "SendRawEmail")];

    public async ValueTask DisposeAsync()
    {
        Writer.Dispose();
        Ses.Dispose();
        await Server.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
