namespace SesMailer.Outbox;

/// <summary>
/// The layout of an outbox folder and the moves between its states (see README.md beside this file). A message is
/// <c>name.eml</c> and its envelope <c>name.envelope.json</c>, in the folder while queued, then in <c>sending/</c>,
/// <c>sent/</c>, <c>failed/</c> or <c>in-doubt/</c>. The <c>.eml</c> is the commit point of every write and move:
/// its envelope is always put in place first, so where the <c>.eml</c> is says which state the message is in.
/// </summary>
internal sealed class OutboxFolder
{
    public const string EmlExtension = ".eml";
    public const string EnvelopeExtension = ".envelope.json";

    public OutboxFolder(string folder)
    {
        Root = Path.GetFullPath(folder);
        Sending = Path.Combine(Root, OutboxSender.SendingFolderName);
        Sent = Path.Combine(Root, OutboxSender.SentFolderName);
        Failed = Path.Combine(Root, OutboxSender.FailedFolderName);
        InDoubt = Path.Combine(Root, OutboxSender.InDoubtFolderName);
    }

    public string Root { get; }

    public string Sending { get; }

    public string Sent { get; }

    public string Failed { get; }

    public string InDoubt { get; }

    private IEnumerable<string> States => [Root, Sending, Sent, Failed, InDoubt];

    public void CreateAll()
    {
        foreach (var state in States)
        {
            DurableDirectory.Create(state);
        }
    }

    /// <summary>The <c>.eml</c> files of <paramref name="state"/>, in name order (the transport's names start with the time written).</summary>
    public static IReadOnlyList<string> Messages(string state)
    {
        if (!Directory.Exists(state))
        {
            return [];
        }

        // Simple matching: the Win32 style would let "*.eml" match "x.eml.tmp" on some systems.
        var simple = new EnumerationOptions { MatchType = MatchType.Simple };
        var files = Directory.GetFiles(state, "*" + EmlExtension, simple);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static string EnvelopePathOf(string emlPath) =>
        Path.Combine(Path.GetDirectoryName(emlPath)!, Path.GetFileNameWithoutExtension(emlPath) + EnvelopeExtension);

    /// <summary>
    /// The envelope of the message at <paramref name="emlPath"/>: the one beside it or, when a move was interrupted
    /// between putting the envelope in place and renaming the <c>.eml</c>, the one left alone in another state
    /// folder. <see langword="null"/> for an <c>.eml</c> written by another tool.
    /// </summary>
    public OutboxEnvelope? FindEnvelope(string emlPath)
    {
        var beside = EnvelopePathOf(emlPath);
        var name = Path.GetFileName(beside);
        var elsewhere = States
            .Select(s => Path.Combine(s, name))
            .Where(c => !string.Equals(c, beside, StringComparison.Ordinal) && !File.Exists(Path.Combine(Path.GetDirectoryName(c)!, Path.GetFileName(emlPath))));
        foreach (var candidate in elsewhere.Prepend(beside))
        {
            byte[] json;
            try
            {
                json = File.ReadAllBytes(candidate);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            catch (DirectoryNotFoundException)
            {
                continue;
            }

            return OutboxEnvelope.Parse(json, candidate);
        }

        return null;
    }

    /// <summary>
    /// Writes a new message into <paramref name="state"/> as one unit: the envelope and the <c>.eml</c> under
    /// temporary names, both flushed, then the envelope renamed, then the <c>.eml</c> (the commit point). A crash at
    /// any point leaves either the whole message or no <c>.eml</c> (only files every reader ignores).
    /// </summary>
    public static async Task WriteAsync(string state, string emlName, ReadOnlyMemory<byte> mime, OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        var eml = Path.Combine(state, emlName);
        var envelopePath = EnvelopePathOf(eml);
        var envelopeTemporary = await DurableFile.WriteTemporaryAsync(envelopePath, envelope.ToJson(), cancellationToken).ConfigureAwait(false);
        string emlTemporary;
        try
        {
            emlTemporary = await DurableFile.WriteTemporaryAsync(eml, mime, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            DurableFile.TryDelete(envelopeTemporary);
            throw;
        }

        try
        {
            DurableFile.Rename(envelopeTemporary, envelopePath);
            DurableFile.Rename(emlTemporary, eml);
        }
        catch
        {
            DurableFile.TryDelete(emlTemporary);
            DurableFile.TryDelete(envelopeTemporary);
            throw;
        }
    }

    /// <summary>
    /// Writes the envelope of a message already in place (an <c>.eml</c> of another tool, when it is claimed), so that
    /// the id it is given is the one every later run sees.
    /// </summary>
    public static async Task WriteEnvelopeAsync(string emlPath, OutboxEnvelope envelope, CancellationToken cancellationToken)
    {
        var envelopePath = EnvelopePathOf(emlPath);
        var temporary = await DurableFile.WriteTemporaryAsync(envelopePath, envelope.ToJson(), cancellationToken).ConfigureAwait(false);
        DurableFile.Rename(temporary, envelopePath);
    }

    /// <summary>
    /// Moves the message at <paramref name="emlPath"/> into <paramref name="state"/>, its envelope first (rewritten
    /// as <paramref name="envelope"/> when given, to record an outcome) and the <c>.eml</c> last.
    /// </summary>
    /// <returns>The new path of the <c>.eml</c>.</returns>
    public static async Task<string> MoveAsync(string emlPath, string state, OutboxEnvelope? envelope)
    {
        var target = Path.Combine(state, Path.GetFileName(emlPath));
        var oldEnvelope = EnvelopePathOf(emlPath);
        var newEnvelope = EnvelopePathOf(target);
        if (envelope is not null)
        {
            // Not cancellable: once SES has answered, its answer must be recorded.
            var temporary = await DurableFile.WriteTemporaryAsync(newEnvelope, envelope.ToJson(), CancellationToken.None).ConfigureAwait(false);
            DurableFile.Rename(temporary, newEnvelope);
            DurableFile.Rename(emlPath, target);
            DurableFile.TryDelete(oldEnvelope);
        }
        else
        {
            if (File.Exists(oldEnvelope))
            {
                DurableFile.Rename(oldEnvelope, newEnvelope);
            }

            DurableFile.Rename(emlPath, target);
        }

        return target;
    }
}
