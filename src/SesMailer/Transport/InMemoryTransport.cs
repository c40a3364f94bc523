using System.Globalization;
using System.Text;

namespace SesMailer.Transport;

/// <summary>
/// Keeps every message in memory instead of sending it: the transport for your tests. Inspect
/// <see cref="Sent"/>, or assert with <see cref="AssertSent(Func{SentEmail, bool}, string?)"/>,
/// <see cref="AssertSentTo"/>, <see cref="AssertNothingSent"/> and <see cref="AssertSentCount"/> (in the spirit
/// of Rails' <c>ActionMailer::Base.deliveries</c> and Laravel's <c>Mail::fake()</c>). Thread-safe.
/// </summary>
public sealed class InMemoryTransport : IEmailTransport
{
    private readonly List<SentEmail> _sent = [];
    private readonly Lock _lock = new();
    private int _counter;

    /// <summary>Every message sent so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<SentEmail> Sent
    {
        get
        {
            lock (_lock)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>The last message sent, or <see langword="null"/>.</summary>
    public SentEmail? Last
    {
        get
        {
            lock (_lock)
            {
                return _sent.Count == 0 ? null : _sent[^1];
            }
        }
    }

    /// <summary>Keeps the message; its id is <c>in-memory-{n}</c>.</summary>
    public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        cancellationToken.ThrowIfCancellationRequested();
        var id = "in-memory-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var sent = new SentEmail(email, id);
        lock (_lock)
        {
            _sent.Add(sent);
        }

        return Task.FromResult(new SendResult(id));
    }

    /// <summary>Forgets every message sent so far.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _sent.Clear();
        }
    }

    /// <summary>The messages that <paramref name="address"/> receives (To, Cc or Bcc).</summary>
    public IReadOnlyList<SentEmail> SentTo(string address) => Sent.Where(e => e.IsSentTo(address)).ToArray();

    /// <summary>The messages of the declared email <paramref name="emailName"/> (for example <c>Welcome</c>).</summary>
    public IReadOnlyList<SentEmail> SentOf(string emailName) =>
        Sent.Where(e => string.Equals(e.EmailName, emailName, StringComparison.Ordinal)).ToArray();

    /// <summary>Asserts that at least one message matches <paramref name="predicate"/> and returns the first.</summary>
    /// <exception cref="InMemoryTransportAssertionException">No message matches; the message lists what was sent.</exception>
    public SentEmail AssertSent(Func<SentEmail, bool> predicate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var sent = Sent;
        return sent.FirstOrDefault(predicate)
            ?? throw new InMemoryTransportAssertionException($"Expected a message {description ?? "matching the condition"}, but none was sent. {Describe(sent)}");
    }

    /// <summary>Asserts that no message matches <paramref name="predicate"/>.</summary>
    /// <exception cref="InMemoryTransportAssertionException">A message matches.</exception>
    public void AssertNotSent(Func<SentEmail, bool> predicate, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (Sent.FirstOrDefault(predicate) is { } match)
        {
            throw new InMemoryTransportAssertionException($"Expected no message {description ?? "matching the condition"}, but {match} was sent.");
        }
    }

    /// <summary>
    /// Asserts that the declared email <paramref name="emailName"/> (for example <c>Welcome</c>) was sent, matching
    /// <paramref name="predicate"/> when given, and returns the first such message.
    /// </summary>
    /// <exception cref="InMemoryTransportAssertionException">No such message was sent.</exception>
    public SentEmail AssertSentOf(string emailName, Func<SentEmail, bool>? predicate = null) =>
        AssertSent(
            e => string.Equals(e.EmailName, emailName, StringComparison.Ordinal) && (predicate is null || predicate(e)),
            predicate is null ? $"of email '{emailName}'" : $"of email '{emailName}' matching the condition");

    /// <summary>Asserts that <paramref name="address"/> received a message and returns the first one.</summary>
    /// <exception cref="InMemoryTransportAssertionException">Nothing was sent to that address.</exception>
    public SentEmail AssertSentTo(string address) => AssertSent(e => e.IsSentTo(address), "to " + address);

    /// <summary>Asserts that nothing was sent.</summary>
    /// <exception cref="InMemoryTransportAssertionException">Something was sent.</exception>
    public void AssertNothingSent()
    {
        var sent = Sent;
        if (sent.Count > 0)
        {
            throw new InMemoryTransportAssertionException($"Expected no message to be sent. {Describe(sent)}");
        }
    }

    /// <summary>Asserts that exactly <paramref name="count"/> messages were sent.</summary>
    /// <exception cref="InMemoryTransportAssertionException">A different number was sent.</exception>
    public void AssertSentCount(int count)
    {
        var sent = Sent;
        if (sent.Count != count)
        {
            throw new InMemoryTransportAssertionException($"Expected {count} message(s) to be sent. {Describe(sent)}");
        }
    }

    private static string Describe(IReadOnlyList<SentEmail> sent)
    {
        if (sent.Count == 0)
        {
            return "Nothing was sent.";
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{sent.Count} message(s) were sent:");
        foreach (var email in sent)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  - {email}");
        }

        return text.ToString();
    }
}

/// <summary>An assertion of <see cref="InMemoryTransport"/> failed; the message says what was sent instead.</summary>
public sealed class InMemoryTransportAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InMemoryTransportAssertionException(string message)
        : base(message)
    {
    }
}
