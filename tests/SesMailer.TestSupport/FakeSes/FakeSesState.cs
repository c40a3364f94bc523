namespace SesMailer.TestSupport.FakeSes;

/// <summary>The account the fake SES server simulates: identities, quota, statistics and sent messages.</summary>
public sealed class FakeSesState
{
    private readonly Lock _gate = new();
    private readonly List<(string Identity, bool IsDomain, string Status, string? Token)> _identities = [];
    private readonly List<(long Timestamp, int Recipients, string? Id)> _accepted = [];
    private readonly List<(string? Id, string MessageId)> _messageIds = [];
    private int _throttles;

    /// <summary>Recipients per 24 hours (-1 = unlimited). The default value is 200 (the sandbox).</summary>
    public double Max24HourSend { get; set; } = 200;

    /// <summary>Recipients per second. The default value is 1 (the sandbox).</summary>
    public double MaxSendRate { get; set; } = 1;

    /// <summary>Recipients sent in the last 24 hours; sends add to it.</summary>
    public double SentLast24Hours { get; set; }

    /// <summary>The points GetSendStatistics answers with.</summary>
    public List<(DateTimeOffset Timestamp, long DeliveryAttempts, long Bounces, long Complaints, long Rejects)> DataPoints { get; } = [];

    /// <summary>The page size of ListIdentities when the request gives none. The default value is 1000.</summary>
    public int DefaultPageSize { get; set; } = 1000;

    /// <summary>
    /// When set, every ListIdentities page ends with this <c>NextToken</c> whatever was asked for: a server stuck on
    /// one page. The default value is <see langword="null"/> (real paging).
    /// </summary>
    public string? StuckNextToken { get; set; }

    /// <summary>
    /// When true, SendRawEmail enforces <see cref="MaxSendRate"/> as SES does, in recipients over a sliding second: a
    /// message that would take the last second past the rate is answered <c>Throttling</c> "Maximum sending rate
    /// exceeded." (counted in <see cref="Throttles"/>); a single message larger than the rate is accepted only into
    /// a second with nothing else in it. The default value is <see langword="false"/>.
    /// </summary>
    public bool EnforceSendRate { get; set; }

    /// <summary>How many sends were refused for the rate (<see cref="EnforceSendRate"/>).</summary>
    public int Throttles
    {
        get
        {
            lock (_gate)
            {
                return _throttles;
            }
        }
    }

    /// <summary>Every accepted SendRawEmail: when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), how many recipients, and its <c>sesmailer-id</c> tag.</summary>
    public IReadOnlyList<(long Timestamp, int Recipients, string? Id)> Accepted
    {
        get
        {
            lock (_gate)
            {
                return _accepted.ToList();
            }
        }
    }

    /// <summary>How many times a message with the <c>sesmailer-id</c> tag <paramref name="id"/> was accepted.</summary>
    public int AcceptedCount(string id)
    {
        lock (_gate)
        {
            return _accepted.Count(a => a.Id == id);
        }
    }

    /// <summary>The SES message ids answered for the sends tagged <c>sesmailer-id</c> <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<string> MessageIdsOf(string id)
    {
        lock (_gate)
        {
            return [.. _messageIds.Where(m => m.Id == id).Select(m => m.MessageId)];
        }
    }

    /// <summary>Accepts a send of <paramref name="recipients"/> recipients now, unless the rate forbids it (then counts a throttle).</summary>
    internal bool TryAccept(int recipients, string? id, string? messageId = null)
    {
        lock (_gate)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (EnforceSendRate)
            {
                var since = now - System.Diagnostics.Stopwatch.Frequency;
                var inLastSecond = 0;
                for (var i = _accepted.Count - 1; i >= 0 && _accepted[i].Timestamp > since; i--)
                {
                    inLastSecond += _accepted[i].Recipients;
                }

                if (inLastSecond > 0 && inLastSecond + recipients > MaxSendRate)
                {
                    _throttles++;
                    return false;
                }
            }

            _accepted.Add((now, recipients, id));
            if (messageId is not null)
            {
                _messageIds.Add((id, messageId));
            }
            SentLast24Hours += recipients;
            return true;
        }
    }

    /// <summary>Adds or replaces an identity.</summary>
    public void AddIdentity(string identity, string status = "Pending", string? token = null)
    {
        lock (_gate)
        {
            _identities.RemoveAll(i => string.Equals(i.Identity, identity, StringComparison.OrdinalIgnoreCase));
            _identities.Add((identity, !identity.Contains('@', StringComparison.Ordinal), status, token));
        }
    }

    /// <summary>Marks an identity verified.</summary>
    public void MarkVerified(string identity)
    {
        lock (_gate)
        {
            var index = _identities.FindIndex(i => string.Equals(i.Identity, identity, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new InvalidOperationException($"{identity} is not an identity.");
            }

            _identities[index] = _identities[index] with { Status = "Success" };
        }
    }

    /// <summary>Removes an identity; false when it did not exist.</summary>
    public bool RemoveIdentity(string identity)
    {
        lock (_gate)
        {
            return _identities.RemoveAll(i => string.Equals(i.Identity, identity, StringComparison.OrdinalIgnoreCase)) > 0;
        }
    }

    /// <summary>The identities, in the order they were added.</summary>
    public IReadOnlyList<(string Identity, bool IsDomain, string Status, string? Token)> Identities
    {
        get
        {
            lock (_gate)
            {
                return _identities.ToList();
            }
        }
    }
}
