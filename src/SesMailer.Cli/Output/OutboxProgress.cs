using System.Diagnostics;
using System.Globalization;
using SesMailer.Outbox;
using SesMailer.Sending;

namespace SesMailer.Cli.Output;

/// <summary>
/// What <c>send-outbox</c> shows while it runs: on a terminal, one line redrawn in place (a bar, the count, the rate,
/// the time left and the failures); otherwise, one plain line per message, which logs and pipes can read.
/// </summary>
internal sealed class OutboxProgress(TextWriter output, bool terminal, OutputFormat format, int queued)
{
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _drawnAt = TimeSpan.MinValue;
    private int _done;
    private int _failed;
    private int _inDoubt;

    public void Report(OutboxOutcome outcome)
    {
        _done++;
        switch (outcome.Outcome.Kind)
        {
            case SendOutcomeKind.InDoubt:
                _inDoubt++;
                break;
            case SendOutcomeKind.Sent:
                break;
            default:
                _failed++;
                break;
        }

        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonOutput.Object(w =>
            {
                w.WriteString("Outcome", outcome.Outcome.Kind.ToString());
                w.WriteString("Id", outcome.Outcome.Id);
                w.WriteString("MessageId", outcome.Outcome.SesMessageId);
                w.WriteString("Code", outcome.Outcome.Code);
                w.WriteString("Reason", outcome.Outcome.Message);
                w.WriteString("File", outcome.Path);
            }));
        }
        else if (terminal)
        {
            if (_clock.Elapsed - _drawnAt >= RedrawEvery)
            {
                Draw();
            }
        }
        else
        {
            output.WriteLine(Line(outcome));
        }
    }

    /// <summary>Draws the final state of the bar and ends its line.</summary>
    public void Finish()
    {
        if (terminal && format == OutputFormat.Text)
        {
            Draw();
            output.WriteLine();
        }
    }

    public double Rate => _done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);

    private void Draw()
    {
        _drawnAt = _clock.Elapsed;
        var total = Math.Max(queued, _done);
        const int width = 30;
        var filled = total == 0 ? width : _done * width / total;
        var rate = Rate;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - _done) / rate) : TimeSpan.Zero;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', width - filled)}] {_done}/{total}  {rate:0.0}/s  ETA {left:hh\\:mm\\:ss}  failed {_failed}  in doubt {_inDoubt}");
        // \r returns to the start of the line, ESC[K clears what a longer previous line left.
        output.Write("\r" + line + "\u001b[K");
        output.Flush();
    }

    private static string Line(OutboxOutcome o)
    {
        var file = Path.GetFileName(o.Path);
        return o.Outcome.Kind switch
        {
            SendOutcomeKind.Sent => $"sent      {o.Outcome.Id}  {o.Outcome.SesMessageId}  {file}",
            SendOutcomeKind.InDoubt => $"in doubt  {o.Outcome.Id}  {o.Outcome.Code}: {o.Outcome.Message}  {file}",
            SendOutcomeKind.NotAttempted => $"queued    {o.Outcome.Id}  not attempted, {o.Outcome.Code}: {o.Outcome.Message}  {file}",
            SendOutcomeKind.Rejected => $"rejected  {o.Outcome.Id}  {o.Outcome.Code}: {o.Outcome.Message}  {file}",
            _ => $"failed    {o.Outcome.Id}  {o.Outcome.Code}: {o.Outcome.Message}  {file}",
        };
    }
}
