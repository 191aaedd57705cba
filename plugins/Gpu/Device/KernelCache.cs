using System.Collections.Concurrent;
using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Typed kernel launchers, compiled once per accelerator and kept by kernel method (the closed generic method, so
/// <c>Binary&lt;double, double, AddOp&lt;double&gt;&gt;</c> is one entry). Records compile time so benchmarks can report
/// first-call latency apart from steady state.
/// </summary>
internal sealed class KernelCache(Accelerator accelerator)
{
    private readonly ConcurrentDictionary<System.Reflection.MethodInfo, Delegate> _launchers = new();
    private long _compileTicks;
    private int _compiled;
    private readonly ConcurrentQueue<(string Kernel, TimeSpan Time)> _compiles = new();

    /// <summary>How many kernels were compiled.</summary>
    public int CompiledCount => Volatile.Read(ref _compiled);

    /// <summary>The total time spent compiling kernels.</summary>
    public TimeSpan CompileTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _compileTicks));

    /// <summary>Each compiled kernel (its method, with type arguments) and the time compiling it took, in the order compiled.</summary>
    public IReadOnlyList<(string Kernel, TimeSpan Time)> Compiles => [.. _compiles];

    public Action<Index1D, T1, T2> Auto<T1, T2>(Action<Index1D, T1, T2> kernel)
        where T1 : struct where T2 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3> Auto<T1, T2, T3>(Action<Index1D, T1, T2, T3> kernel)
        where T1 : struct where T2 : struct where T3 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4> Auto<T1, T2, T3, T4>(Action<Index1D, T1, T2, T3, T4> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5> Auto<T1, T2, T3, T4, T5>(Action<Index1D, T1, T2, T3, T4, T5> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5, T6> Auto<T1, T2, T3, T4, T5, T6>(Action<Index1D, T1, T2, T3, T4, T5, T6> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7> Auto<T1, T2, T3, T4, T5, T6, T7>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8> Auto<T1, T2, T3, T4, T5, T6, T7, T8>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct where T8 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9> Auto<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct where T8 : struct where T9 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> Auto<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct where T7 : struct where T8 : struct where T9 : struct where T10 : struct =>
        Get(kernel, k => accelerator.LoadAutoGroupedStreamKernel(k));

    public Action<KernelConfig, T1, T2, T3, T4, T5, T6> Grouped<T1, T2, T3, T4, T5, T6>(Action<T1, T2, T3, T4, T5, T6> kernel)
        where T1 : struct where T2 : struct where T3 : struct where T4 : struct where T5 : struct where T6 : struct =>
        Get(kernel, k => accelerator.LoadStreamKernel(k));

    private TLauncher Get<TKernel, TLauncher>(TKernel kernel, Func<TKernel, TLauncher> load)
        where TKernel : Delegate where TLauncher : Delegate
    {
        if (_launchers.TryGetValue(kernel.Method, out Delegate? launcher)) return (TLauncher)launcher;
        lock (_launchers)
        {
            if (_launchers.TryGetValue(kernel.Method, out launcher)) return (TLauncher)launcher;
            long start = Stopwatch.GetTimestamp();
            TLauncher loaded = load(kernel);
            long ticks = Stopwatch.GetTimestamp() - start;
            Interlocked.Add(ref _compileTicks, ticks);
            Interlocked.Increment(ref _compiled);
            _compiles.Enqueue((Describe(kernel.Method), Stopwatch.GetElapsedTime(0, ticks)));
            _launchers[kernel.Method] = loaded;
            return loaded;
        }
    }

    /// <summary><c>Binary&lt;Double, Double, AddOp&lt;Double&gt;&gt;</c>: the kernel's name and its type arguments.</summary>
    private static string Describe(System.Reflection.MethodInfo method)
    {
        static string Name(Type t) => t.IsGenericType
            ? $"{t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
            : t.Name;
        return method.IsGenericMethod ? $"{method.Name}<{string.Join(", ", method.GetGenericArguments().Select(Name))}>" : method.Name;
    }
}
