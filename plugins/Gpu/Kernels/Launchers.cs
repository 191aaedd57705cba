using System.Collections.Concurrent;
using System.Reflection;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Turns a runtime choice (operator family, dtype) into a typed launch. Reflection closes the generic launcher once
/// per (operator, dtype) and the delegate is cached; the kernel itself is compiled once per accelerator by
/// <see cref="KernelCache"/>.
/// </summary>
internal static class Launchers
{
    private static readonly ConcurrentDictionary<(string Shape, Type Op), Delegate> s_delegates = new();

    public delegate void UnaryLaunch(GpuArray x, Layout lx, GpuArray z, Layout lz, long n);
    public delegate void BinaryLaunch(GpuArray x, Layout lx, GpuArray y, Layout ly, GpuArray z, Layout lz, long n);
    public delegate void TernaryLaunch(GpuArray a, Layout la, GpuArray b, Layout lb, GpuArray c, Layout lc, GpuArray z, long n);

    /// <summary>The result dtype of a closed unary or binary operator (its <c>TOut</c>).</summary>
    public static DType OutputOf(Type op)
    {
        foreach (Type i in op.GetInterfaces())
        {
            if (!i.IsGenericType) continue;
            Type def = i.GetGenericTypeDefinition();
            if (def == typeof(IGpuUnaryOp<,>) || def == typeof(IGpuBinaryOp<,>) || def == typeof(IGpuTernaryOp<,>))
            {
                return StorageTypes.DTypeOf(i.GetGenericArguments()[1], boolean: op.IsAssignableTo(typeof(IGpuBoolResult)));
            }
        }
        throw new ArgumentException($"{op.Name} is not a Gpu operator", nameof(op));
    }

    public static UnaryLaunch Unary(Type op) => (UnaryLaunch)s_delegates.GetOrAdd(("unary", op), static key =>
    {
        Type[] io = Arguments(key.Op, typeof(IGpuUnaryOp<,>));
        return Close(nameof(RunUnary), [io[0], io[1], key.Op]).CreateDelegate<UnaryLaunch>();
    });

    public static BinaryLaunch Binary(Type op) => (BinaryLaunch)s_delegates.GetOrAdd(("binary", op), static key =>
    {
        Type[] io = Arguments(key.Op, typeof(IGpuBinaryOp<,>));
        return Close(nameof(RunBinary), [io[0], io[1], key.Op]).CreateDelegate<BinaryLaunch>();
    });

    public static TernaryLaunch Ternary(Type op) => (TernaryLaunch)s_delegates.GetOrAdd(("ternary", op), static key =>
    {
        Type[] io = Arguments(key.Op, typeof(IGpuTernaryOp<,>));
        return Close(nameof(RunTernary), [io[0], io[1], key.Op]).CreateDelegate<TernaryLaunch>();
    });

    private static Type[] Arguments(Type op, Type shape)
    {
        foreach (Type i in op.GetInterfaces())
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() == shape) return i.GetGenericArguments();
        }
        throw new ArgumentException($"{op.Name} does not implement {shape.Name}", nameof(op));
    }

    private static MethodInfo Close(string name, Type[] arguments) =>
        typeof(Launchers).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(arguments);

    private static void RunUnary<TIn, TOut, TOp>(GpuArray x, Layout lx, GpuArray z, Layout lz, long n)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuUnaryOp<TIn, TOut>
    {
        if (n == 0) return;
        if (lx.Contiguous != 0 && lz.Contiguous != 0)
        {
            var flat = z.Runtime.Kernels.Auto<ArrayView<TIn>, ArrayView<TOut>, long, long>(FlatKernels.Unary<TIn, TOut, TOp>);
            Index1D flatThreads = z.Runtime.FlatThreads(n);
            flat(flatThreads, x.Storage.View<TIn>().SubView(lx.Offset), z.Storage.View<TOut>().SubView(lz.Offset), n, flatThreads.X);
            return;
        }
        var kernel = z.Runtime.Kernels.Auto<ArrayView<TIn>, Layout, ArrayView<TOut>, Layout, long, long>(ElementwiseKernels.Unary<TIn, TOut, TOp>);
        Index1D threads = z.Runtime.Threads(n);
        kernel(threads, x.Storage.View<TIn>(), lx, z.Storage.View<TOut>(), lz, n, threads.X);
    }

    private static void RunBinary<TIn, TOut, TOp>(GpuArray x, Layout lx, GpuArray y, Layout ly, GpuArray z, Layout lz, long n)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuBinaryOp<TIn, TOut>
    {
        if (n == 0) return;
        if (lz.Contiguous != 0 && lx.IsFlat && ly.IsFlat)
        {
            var flat = z.Runtime.Kernels.Auto<ArrayView<TIn>, long, ArrayView<TIn>, long, ArrayView<TOut>, long, long>(FlatKernels.Binary<TIn, TOut, TOp>);
            Index1D flatThreads = z.Runtime.FlatThreads(n);
            flat(flatThreads, x.Storage.View<TIn>().SubView(lx.Offset), lx.Contiguous, y.Storage.View<TIn>().SubView(ly.Offset), ly.Contiguous,
                z.Storage.View<TOut>().SubView(lz.Offset), n, flatThreads.X);
            return;
        }
        var kernel = z.Runtime.Kernels.Auto<ArrayView<TIn>, Layout, ArrayView<TIn>, Layout, ArrayView<TOut>, Layout, long, long>(ElementwiseKernels.Binary<TIn, TOut, TOp>);
        Index1D threads = z.Runtime.Threads(n);
        kernel(threads, x.Storage.View<TIn>(), lx, y.Storage.View<TIn>(), ly, z.Storage.View<TOut>(), lz, n, threads.X);
    }

    private static void RunTernary<TA, T, TOp>(GpuArray a, Layout la, GpuArray b, Layout lb, GpuArray c, Layout lc, GpuArray z, long n)
        where TA : unmanaged where T : unmanaged where TOp : struct, IGpuTernaryOp<TA, T>
    {
        if (n == 0) return;
        if (la.IsFlat && lb.IsFlat && lc.IsFlat)
        {
            var flat = z.Runtime.Kernels.Auto<ArrayView<TA>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, long, long>(FlatKernels.Ternary<TA, T, TOp>);
            Index1D flatThreads = z.Runtime.FlatThreads(n);
            flat(flatThreads, a.Storage.View<TA>().SubView(la.Offset), b.Storage.View<T>().SubView(lb.Offset), c.Storage.View<T>().SubView(lc.Offset),
                z.Storage.View<T>(), la.Contiguous | (lb.Contiguous << 1) | (lc.Contiguous << 2), n, flatThreads.X);
            return;
        }
        var kernel = z.Runtime.Kernels.Auto<ArrayView<TA>, Layout, ArrayView<T>, Layout, ArrayView<T>, Layout, ArrayView<T>, long, long>(ElementwiseKernels.Ternary<TA, T, TOp>);
        Index1D threads = z.Runtime.Threads(n);
        kernel(threads, a.Storage.View<TA>(), la, b.Storage.View<T>(), lb, c.Storage.View<T>(), lc, z.Storage.View<T>(), n, threads.X);
    }

    /// <summary>ILGPU launches take 32-bit extents.</summary>
    public static Index1D Checked(long n) => n <= int.MaxValue
        ? (int)n
        : throw new NotSupportedException($"the Gpu backend launches at most {int.MaxValue} elements per kernel; this array has {n}");
}
