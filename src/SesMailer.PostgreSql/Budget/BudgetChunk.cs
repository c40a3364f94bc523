namespace SesMailer.PostgreSql.Budget;

/// <summary>
/// Recipients taken from the shared budget and held by one worker. The database counts the whole chunk from its
/// grant until a second after its release; <see cref="Used"/> is what the release keeps counted.
/// </summary>
internal sealed class BudgetChunk(long id, int recipients, Sending.SendLane lane)
{
    private int _used;

    public long Id { get; } = id;

    public int Recipients { get; } = recipients;

    public Sending.SendLane Lane { get; } = lane;

    public int Used => Volatile.Read(ref _used);

    public int Left => Recipients - Used;

    /// <summary>Takes <paramref name="recipients"/> from the chunk; false when it has not that many left.</summary>
    public bool TryTake(int recipients)
    {
        while (true)
        {
            var used = Volatile.Read(ref _used);
            if (used + recipients > Recipients)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _used, used + recipients, used) == used)
            {
                return true;
            }
        }
    }
}
