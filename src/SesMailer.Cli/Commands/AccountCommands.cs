using System.CommandLine;
using System.Globalization;
using SesMailer.Cli.Output;

namespace SesMailer.Cli.Commands;

/// <summary>quota and stats.</summary>
internal static class AccountCommands
{
    public static IEnumerable<Command> Create(Func<ParseResult, CommandContext> context)
    {
        var quota = new Command("quota", "Show the sending quota (SES GetSendQuota).");
        quota.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.GetSendQuotaAsync(ct).ConfigureAwait(false);
            ctx.Print(
                () => JsonOutput.Object(w =>
                {
                    w.WriteNumber("Max24HourSend", response.Max24HourSend);
                    w.WriteNumber("MaxSendRate", response.MaxSendRate);
                    w.WriteNumber("SentLast24Hours", response.SentLast24Hours);
                    w.WriteString("RequestId", response.RequestId);
                }),
                () => TextTable.Pairs(
                [
                    ("Max24HourSend", response.IsUnlimited ? "unlimited (-1)" : Number(response.Max24HourSend)),
                    ("MaxSendRate", Number(response.MaxSendRate) + " per second"),
                    ("SentLast24Hours", Number(response.SentLast24Hours)),
                    ("RequestId", response.RequestId),
                ]));
            return ExitCodes.Success;
        });
        yield return quota;

        var stats = new Command("stats", "Show two weeks of sending statistics with the bounce and complaint rates (SES GetSendStatistics).");
        stats.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var response = await ctx.Client.GetSendStatisticsAsync(ct).ConfigureAwait(false);
            ctx.Print(
                () => JsonOutput.Object(w =>
                {
                    w.WriteStartArray("SendDataPoints");
                    foreach (var point in response.SendDataPoints)
                    {
                        w.WriteStartObject();
                        w.WriteString("Timestamp", point.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                        w.WriteNumber("DeliveryAttempts", point.DeliveryAttempts);
                        w.WriteNumber("Bounces", point.Bounces);
                        w.WriteNumber("Complaints", point.Complaints);
                        w.WriteNumber("Rejects", point.Rejects);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("BounceRate", response.BounceRate);
                    w.WriteNumber("ComplaintRate", response.ComplaintRate);
                    w.WriteString("RequestId", response.RequestId);
                }),
                () => TextTable.Render(
                          ["Timestamp", "DeliveryAttempts", "Bounces", "Complaints", "Rejects"],
                          response.SendDataPoints.Select(p => (IReadOnlyList<string>)
                          [
                              p.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z",
                              Count(p.DeliveryAttempts), Count(p.Bounces), Count(p.Complaints), Count(p.Rejects),
                          ])) +
                      $"{Environment.NewLine}Delivery attempts: {Count(response.DeliveryAttempts)}{Environment.NewLine}" +
                      $"Bounce rate: {Percent(response.BounceRate)}{Environment.NewLine}" +
                      $"Complaint rate: {Percent(response.ComplaintRate)}{Environment.NewLine}");
            return ExitCodes.Success;
        });
        yield return stats;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
