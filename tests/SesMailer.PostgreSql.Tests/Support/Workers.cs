using SesMailer.PostgreSql.Budget;
using SesMailer.PostgreSql.Workers;
using SesMailer.Ses;
using SesMailer.TestSupport.FakeSes;
using SesMailer.Transport;

namespace SesMailer.PostgreSql.Tests.Support;

/// <summary>Workers as separate processes would have them: each its own SES client, budget object and leases, one database.</summary>
internal static class Workers
{
    public static SesClient Client(FakeSesServer ses, int retries = 3) => new(new SesClientOptions
    {
        Region = "us-east-1",
        Endpoint = ses.Endpoint,
        Retry = new SesRetryOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
    }, credentials: SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret"));

    public static PostgresWorkerOptions Fast(string name, Action<PostgresWorkerOptions>? change = null)
    {
        var options = new PostgresWorkerOptions
        {
            WorkerId = name,
            ClaimLease = TimeSpan.FromSeconds(5),
            SendingLease = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
            PollInterval = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(200),
        };
        change?.Invoke(options);
        return options;
    }

    public static (PostgresQueueWorker Worker, PostgresSendBudget Budget, SesClient Client) Ses(
        TestQueue queue, FakeSesServer ses, double rate, string name, Action<PostgresWorkerOptions>? worker = null, Action<PostgresBudgetOptions>? budget = null)
    {
        var client = Client(ses);
        var budgetOptions = new PostgresBudgetOptions { MaxSendRate = rate, ChunkLease = TimeSpan.FromSeconds(5) };
        budget?.Invoke(budgetOptions);
        var shared = new PostgresSendBudget(queue.Outbox, budgetOptions);
        return (new PostgresQueueWorker(queue.Outbox, new SesTransport(client, shared), shared, Fast(name, worker)), shared, client);
    }

    public static async Task<List<string>> EnqueueAsync(TestQueue queue, int count, Func<int, int>? recipients = null, Sending.SendLane lane = Sending.SendLane.Bulk)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = Messages.Composed(recipients: recipients?.Invoke(i) ?? 1, lane: lane);
            await queue.Outbox.EnqueueAsync(email);
            ids.Add(email.Id!);
        }

        return ids;
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>A transport that takes the message and never answers: a worker stuck (or killed) mid-request.</summary>
internal sealed class HangingTransport : IEmailTransport
{
    private readonly TaskCompletionSource _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Called => _called.Task;

    public List<string> Ids { get; } = [];

    public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        lock (Ids)
        {
            Ids.Add(email.Id!);
        }

        _called.TrySetResult();
        return new TaskCompletionSource<SendResult>().Task;
    }
}
