using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.Ses;
using SesMailer.TestSupport.FakeSes;
using Xunit;

namespace SesMailer.PostgreSql.Tests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class RegistrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_registered_mailer_queues_in_the_transaction_and_the_hosted_worker_sends_it()
    {
        await using var queue = await postgres.NewQueueAsync();
        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var connectionString = queue.ConnectionString;
        var services = new ServiceCollection();

        // README: the PostgreSQL queue
        services.AddSesMailer(m => m.DefaultFrom("noreply@acme.example")
                .UseSes(o => (o.Region, o.Endpoint) = ("us-east-1", ses.Endpoint), SesCredentials.FromAccessKey("AKIDEXAMPLE", "secret")))
            .UsePostgresQueue();
        services.AddSesMailerQueue(connectionString);
        services.AddSesMailerWorker(w => w.PollInterval = TimeSpan.FromSeconds(1), b => b.MaxSendRate = 20);
        // end README
        await using var provider = services.BuildServiceProvider();
        var outbox = provider.GetRequiredService<PostgresOutbox>();
        var mailer = provider.GetRequiredService<IMailer>();

        SendResult queued;
        await using (var connection = await queue.DataSource.OpenConnectionAsync())
        {
            // README: the PostgreSQL queue, in a transaction
            await using var tx = await connection.BeginTransactionAsync();
            using (outbox.Enlist(connection, tx))
            {
                queued = await mailer.SendAsync(Welcome("ann@example.com"));
            }

            await tx.CommitAsync();
            // end README
        }

        Assert.Equal(0, ses.State.AcceptedCount(queued.Id!));
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            await Support.Workers.WaitUntilAsync(() => Task.FromResult(ses.State.AcceptedCount(queued.Id!) == 1), "the hosted worker sent the queued message");
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }

        Assert.Equal(SesMailer.PostgreSql.Queueing.QueueState.Sent, (await outbox.FindAsync(queued.Id!))!.State);
    }

    private static EmailMessage Welcome(string to)
    {
        var message = new EmailMessage(new EmailOptions()) { Subject = "Welcome", TextBody = "Hello." };
        message.Options.To.Add(new EmailAddress(to));
        return message;
    }
}
