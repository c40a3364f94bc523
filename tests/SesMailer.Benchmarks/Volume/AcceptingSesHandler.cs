using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using SesMailer.Benchmarks.Ses;

namespace SesMailer.Benchmarks.Volume;

/// <summary>
/// Stands in for SES in the volume benchmark: reads each SendRawEmail, records when it was accepted, how many
/// recipients it had and its <c>sesmailer-id</c> tag, and answers with the success document.
/// </summary>
public sealed class AcceptingSesHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(long Timestamp, int Recipients, string Id)> _accepted = new();

    /// <summary>Every accepted send (Stopwatch timestamp, recipients, stable id).</summary>
    public IReadOnlyList<(long Timestamp, int Recipients, string Id)> Accepted => _accepted.ToArray();

    /// <summary>Forgets what was accepted.</summary>
    public void Clear() => _accepted.Clear();

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var fields = body.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        var recipients = fields.Keys.Count(k => k.StartsWith("Destinations.member.", StringComparison.Ordinal));
        var idKey = fields.FirstOrDefault(f => f.Value == StableId.TagName && f.Key.StartsWith("Tags.member.", StringComparison.Ordinal)).Key;
        var id = idKey is null ? string.Empty : fields[idKey[..^".Name".Length] + ".Value"];
        _accepted.Enqueue((Stopwatch.GetTimestamp(), recipients, id));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(SesSuccessHandler.SuccessXml, Encoding.UTF8, "text/xml"), RequestMessage = request };
    }
}
