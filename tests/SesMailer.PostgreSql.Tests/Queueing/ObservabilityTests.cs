using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SesMailer.PostgreSql.Observability;
using SesMailer.PostgreSql.Tests.Support;
using SesMailer.TestSupport.FakeSes;
using Xunit;
using W = SesMailer.PostgreSql.Tests.Support.Workers;

namespace SesMailer.PostgreSql.Tests.Queueing;

[Collection(PostgresCollection.Name)]
public sealed class ObservabilityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_gauges_show_depth_by_state_in_doubt_and_the_oldest_pending_age()
    {
        await using var queue = await postgres.NewQueueAsync();
        var ids = await W.EnqueueAsync(queue, 3);
        await queue.ScalarAsync<long>("WITH u AS (UPDATE {s}.messages SET state = 'in_doubt' WHERE id = $1 RETURNING 1) SELECT count(*) FROM u", ids[0]);
        using var metrics = new QueueMetrics(queue.Outbox);
        var seen = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        await metrics.RefreshAsync();
        listener.RecordObservableInstruments();

        Assert.Equal(2, seen["sesmailer.queue.depth/pending"]);
        Assert.Equal(1, seen["sesmailer.queue.depth/in_doubt"]);
        Assert.Equal(1, seen["sesmailer.queue.in_doubt"]);
        Assert.True(seen["sesmailer.queue.oldest_pending_age"] >= 0);

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var state = tags.ToArray().FirstOrDefault(t => t.Key == "state").Value as string;
            lock (seen)
            {
                seen[state is null ? instrument.Name : $"{instrument.Name}/{state}"] = value;
            }
        }
    }

    [Fact]
    public async Task The_health_check_is_degraded_by_messages_in_doubt_and_unhealthy_without_the_database()
    {
        await using var queue = await postgres.NewQueueAsync();
        var check = new QueueHealthCheck(queue.Outbox);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        var id = (await W.EnqueueAsync(queue, 1))[0];
        await queue.ScalarAsync<long>("WITH u AS (UPDATE {s}.messages SET state = 'in_doubt' WHERE id = $1 RETURNING 1) SELECT count(*) FROM u", id);
        var degraded = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal(1L, degraded.Data["in_doubt"]);

        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=app;Database=none;Timeout=2");
        var unreachable = await new QueueHealthCheck(new PostgresOutbox(nowhere)).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("queue", _ => null!, HealthStatus.Unhealthy, null),
        });
        Assert.Equal(HealthStatus.Unhealthy, unreachable.Status);
    }

    [Fact]
    public async Task The_send_span_is_a_child_of_the_request_that_queued_the_message()
    {
        await using var queue = await postgres.NewQueueAsync();
        using var source = new ActivitySource("SesMailer.PostgreSql.Tests.Request");
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source || s.Name == Mailing.MailerTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (stopped)
                {
                    stopped.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        ActivityContext request;
        string id;
        using (var activity = source.StartActivity("POST /signup")!)
        {
            request = activity.Context;
            id = (await W.EnqueueAsync(queue, 1))[0];
        }

        await using var ses = await FakeSesServer.StartAsync();
        ses.State.Max24HourSend = -1;
        var (worker, _, client) = W.Ses(queue, ses, 50, "traced");
        using (client)
        {
            await worker.RunUntilEmptyAsync();
        }

        Activity send;
        lock (stopped)
        {
            send = Assert.Single(stopped, a => a.OperationName == "sesmailer.queue.send" && (string?)a.GetTagItem("sesmailer.id") == id);
        }

        Assert.Equal(request.TraceId, send.TraceId);
        Assert.Equal(request.SpanId, send.ParentSpanId);
        Assert.Equal("sent", send.GetTagItem("sesmailer.outcome"));
    }
}
