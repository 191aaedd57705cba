using System.Diagnostics;
using System.Globalization;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>
/// Start-up stages on standard error when <c>ARRAYDISPATCH_STARTUP_TRACE=1</c> (bench/README.md, "Start-up"): one line per
/// mark with the wall time since the process started, the process's CPU time, the methods JIT-compiled and the assemblies
/// loaded so far (<c>ARRAYDISPATCH_STARTUP_TRACE_ASSEMBLIES=1</c> also names those loaded since the last mark). Off,
/// a mark costs one static bool test.
/// </summary>
internal static class StartupTrace
{
    /// <summary>Whether the trace is on (read once).</summary>
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("ARRAYDISPATCH_STARTUP_TRACE") == "1";

    private static DateTime s_processStart;
    private static double s_lastWall;
    private static readonly HashSet<string> s_seen = new(StringComparer.Ordinal);

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
        int assemblies = AppDomain.CurrentDomain.GetAssemblies().Length;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[startup] {wall,7:0.0} ms (+{wall - s_lastWall,6:0.0})  cpu {cpu,6:0.0} ms  jitted {jitted,5}  assemblies {assemblies,3}  {stage}"));
        if (Environment.GetEnvironmentVariable("ARRAYDISPATCH_STARTUP_TRACE_ASSEMBLIES") == "1")
        {
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? "?").Where(s_seen.Add).Order(StringComparer.Ordinal);
            Console.Error.WriteLine($"[startup]     loaded: {string.Join(", ", loaded)}");
        }
        s_lastWall = wall;
    }
}
