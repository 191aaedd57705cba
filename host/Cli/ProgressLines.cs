using System.Globalization;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// Progress for redirected output: a plain line at each further quarter of the work and one final line at 100 %, instead
/// of a live bar (which only redraws in place on a terminal and would leave its last percentage in a file).
/// Thread-safe: the Chunked scheduler reports from its worker threads.
/// </summary>
internal sealed class ProgressLines(string title, TextWriter output)
{
    private readonly Lock _gate = new();
    private int _lastQuarter;
    private int _total;
    private bool _completed;

    /// <summary>Records <paramref name="done"/> of <paramref name="total"/>; writes a line when a new quarter is reached.</summary>
    public void Report(int done, int total)
    {
        lock (_gate)
        {
            if (_completed || total <= 0) return;
            _total = total;
            int quarter = (int)(4L * Math.Min(done, total) / total);
            if (quarter <= _lastQuarter || quarter >= 4) return;
            _lastQuarter = quarter;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {title}: {quarter * 25}% ({done}/{total} tasks)"));
        }
    }

    /// <summary>Writes the final line, once.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed) return;
            _completed = true;
            output.WriteLine(_total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  {title}: 100% ({_total}/{_total} tasks)")
                : $"  {title}: 100%");
        }
    }
}
