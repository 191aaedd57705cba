using System.Diagnostics;

namespace ArrayDispatch.Chunked.Bench;

/// <summary>Samples the process's working set every 5 ms and keeps the peak above the level when it started.</summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly long _baseline;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public WorkingSetSampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = Current();
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                _peak = Math.Max(_peak, Current());
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public long PeakAboveBaseline => Math.Max(0, _peak - _baseline);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private static long Current()
    {
        using Process p = Process.GetCurrentProcess();
        return p.WorkingSet64;
    }
}
