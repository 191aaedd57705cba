using ArrayDispatch.Functions;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>Array creation on the device: fills, ranges, <c>eye</c> and seeded random draws.</summary>
internal static class Creation
{
    public static void FillWith(GpuArray z, Scalar value)
    {
        var action = new FillAction(z, value);
        DTypeSwitch.Run(z.DType, ref action);
    }

    /// <exception cref="OverflowException">An integer fill does not fit an integer <paramref name="dtype"/> (NumPy 2's OverflowError).</exception>
    public static GpuArray Full(GpuRuntime runtime, Shape shape, DType dtype, Scalar value)
    {
        DTypes.CheckWeakInteger(value, dtype);
        GpuArray z = GpuOps.Empty(runtime, shape, dtype);
        FillWith(z, value);
        return z;
    }

    /// <summary>NumPy's <c>arange</c>: <c>ceil((stop - start) / step)</c> values; integer dtypes are computed exactly.</summary>
    public static GpuArray Arange(GpuRuntime runtime, Scalar start, Scalar stop, Scalar step, DType? dtype)
    {
        bool allIntegers = start.Kind != ScalarKind.Float && stop.Kind != ScalarKind.Float && step.Kind != ScalarKind.Float;
        // The protocol's length and default dtype, with NumPy's errors (a NaN step gave an empty array, stop - start
        // wrapped in 64 bits, a length beyond a dimension was a bare OverflowException).
        int count = CreationRules.ArangeLength(start, stop, step);
        DType type = dtype ?? CreationRules.ArangeDType(start, stop, step);
        GpuArray z = GpuOps.Empty(runtime, new Shape(count), type);
        var action = allIntegers
            ? new RangeAction(z, start.AsInt64, step.AsInt64, 0, 0, false, 0, true)
            : new RangeAction(z, 0, 0, start.AsDouble, step.AsDouble, false, double.NaN, false);
        DTypeSwitch.Run(type, ref action);
        return z;
    }

    /// <summary>NumPy's <c>linspace</c>: <c>start + i * step</c>, the last value exactly <c>stop</c> with <c>endpoint</c>.</summary>
    public static GpuArray Linspace(GpuRuntime runtime, double start, double stop, int num, bool endpoint, DType? dtype)
    {
        if (num < 0) throw new ArgumentOutOfRangeException(nameof(num), num, $"Number of samples, {num}, must be non-negative.");
        int div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : double.NaN;
        GpuArray z = GpuOps.Empty(runtime, new Shape(num), dtype ?? DType.Float64);
        var action = new RangeAction(z, 0, 0, start, div > 0 ? step : 0, endpoint && num > 1, stop, false);
        DTypeSwitch.Run(z.DType, ref action);
        return z;
    }

    public static GpuArray Eye(GpuRuntime runtime, int n, int m, int k, DType dtype)
    {
        GpuArray z = GpuOps.Empty(runtime, new Shape(n, m), dtype);
        var action = new EyeAction(z, m, k);
        DTypeSwitch.Run(dtype, ref action);
        return z;
    }

    /// <summary>A seeded draw; the same seed gives the same array whatever the device's launch geometry.</summary>
    public static GpuArray Random(GpuRuntime runtime, in RandomArgs args)
    {
        if (args.Distribution == RandomDistribution.Permutation)
        {
            return Permutation(runtime, checked((int)args.Low), args.Seed, args.DType);
        }
        if (args.Distribution == RandomDistribution.Integers && !(args.High > args.Low))
        {
            throw new ArgumentException($"integers: low >= high ({args.Low} >= {args.High})", "high");
        }
        GpuArray z = GpuOps.Empty(runtime, args.Shape, args.DType);
        var action = new RandomAction(z, args.Distribution, args.Seed, args.Low, args.High);
        DTypeSwitch.Run(args.DType, ref action);
        return z;
    }

    /// <summary>A permutation by sorting counter-based random keys on the host (n values are uploaded once).</summary>
    private static GpuArray Permutation(GpuRuntime runtime, int n, ulong seed, DType dtype)
    {
        var keys = new ulong[n];
        var values = new long[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = CreationKernels.Mix(seed, (ulong)i);
            values[i] = i;
        }
        Array.Sort(keys, values);
        using GpuArray z = Transfers.Upload(runtime, Interchange.HostBuffer.FromContiguous(values, new Shape(n)));
        return GpuOps.Convert(z, dtype);
    }

    private readonly struct FillAction(GpuArray z, Scalar value) : IStorageAction
    {
        public void Run<T, E>() where T : unmanaged where E : struct, IGpuElement<T>
        {
            if (z.Size == 0) return;
            // An integer above long.MaxValue reaches integer elements as its 64 bits (exact for uint64, NumPy's wrap for
            // the others) and float elements by value.
            bool byValue = value.Kind == ScalarKind.Float || value.ExceedsInt64 && !default(E).IsInteger;
            T v = value.Kind == ScalarKind.Complex ? default(E).FromParts(value.AsComplex.Real, value.AsComplex.Imaginary)
                : byValue ? default(E).FromDouble(value.AsDouble) : default(E).FromInt64(value.AsInt64);
            var kernel = z.Runtime.Kernels.Auto<ArrayView<T>, T, long>(CreationKernels.Fill);
            Index1D threads = z.Runtime.Threads(z.Size);
            kernel(threads, z.Storage.View<T>().SubView(0, z.Size), v, threads.X);
        }
    }

    private readonly struct RangeAction(GpuArray z, long startInt, long stepInt, double start, double step, bool pinLast, double last, bool integers) : IStorageAction
    {
        public void Run<T, E>() where T : unmanaged where E : struct, IGpuElement<T>
        {
            if (z.Size == 0) return;
            ArrayView<T> view = z.Storage.View<T>().SubView(0, z.Size);
            Index1D threads = z.Runtime.Threads(z.Size);
            if (integers)
            {
                z.Runtime.Kernels.Auto<ArrayView<T>, long, long, long>(CreationKernels.RangeInt<T, E>)(threads, view, startInt, stepInt, threads.X);
            }
            else
            {
                z.Runtime.Kernels.Auto<ArrayView<T>, double, double, long, double, long>(CreationKernels.RangeFloat<T, E>)(
                    threads, view, start, step, pinLast ? 1 : 0, last, threads.X);
            }
        }
    }

    private readonly struct EyeAction(GpuArray z, int columns, int k) : IStorageAction
    {
        public void Run<T, E>() where T : unmanaged where E : struct, IGpuElement<T>
        {
            if (z.Size == 0) return;
            Index1D threads = z.Runtime.Threads(z.Size);
            z.Runtime.Kernels.Auto<ArrayView<T>, long, long, long>(CreationKernels.Eye<T, E>)(
                threads, z.Storage.View<T>().SubView(0, z.Size), columns, k, threads.X);
        }
    }

    private readonly struct RandomAction(GpuArray z, RandomDistribution distribution, ulong seed, double a, double b) : IStorageAction
    {
        public void Run<T, E>() where T : unmanaged where E : struct, IGpuElement<T>
        {
            if (z.Size == 0) return;
            ArrayView<T> view = z.Storage.View<T>().SubView(0, z.Size);
            Index1D threads = z.Runtime.Threads(z.Size);
            if (distribution == RandomDistribution.Normal)
            {
                z.Runtime.Kernels.Auto<ArrayView<T>, ulong, double, double, long>(CreationKernels.Normal<T, E>)(threads, view, seed, a, b, threads.X);
            }
            else
            {
                z.Runtime.Kernels.Auto<ArrayView<T>, ulong, double, double, long, long>(CreationKernels.Uniform<T, E>)(
                    threads, view, seed, a, b, distribution == RandomDistribution.Integers ? 1 : 0, threads.X);
            }
        }
    }
}
