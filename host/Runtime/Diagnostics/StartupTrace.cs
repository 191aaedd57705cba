using System.Diagnostics;
using System.Globalization;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>
/// Start-up stages on standard error when <c>ARRAYDISPATCH_STARTUP_TRACE=1</c> (bench/README.md, "Start-up"): one line per
/// mark with the wall time since the process started, the process's CPU time, and the methods JIT-compiled so far. Off,
/// a mark costs one static bool test.
/// </summary>
internal static class StartupTrace
{
    /// <summary>Whether the trace is on (read once).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("ARRAYDISPATCH_STARTUP_TRACE") == "1";

    private static DateTime s_processStart;
    private static double s_lastWall;

    /// <summary>Writes one line for <paramref name="stage"/> when the trace is on.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled) return;
        Write(stage);
    }

    private static void Write(string stage)
    {
        if (s_processStart == default) s_processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        double wall = (DateTime.UtcNow - s_processStart).TotalMilliseconds;
        double cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        long jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[startup] {wall,7:0.0} ms (+{wall - s_lastWall,6:0.0})  cpu {cpu,6:0.0} ms  jitted {jitted,5}  {stage}"));
        s_lastWall = wall;
    }
}
