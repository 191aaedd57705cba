using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// Every unary, binary and reduction function both backends declare, on the same random data in every real dtype
/// (float64, float32, float16, the signed and unsigned integers of each width; NaN-free values in each function's
/// domain, negative values wrapping into the unsigned dtypes): Gpu's result matches Dense's in dtype, shape and values
/// within float tolerance (float16: two units in the last place, as Gpu computes a float16 op in float32 and rounds
/// once where Dense's Half rounds each step of a composite function).
/// </summary>
public sealed class MatchesDenseTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    private static IEnumerable<string> Shared(Type argsType)
    {
        using TestHost host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));
        IReadOnlyCollection<string> dense = host.Dispatcher.FunctionsOf("Dense");
        return host.Dispatcher.FunctionsOf("Gpu")
            .Where(dense.Contains)
            .Where(f => FunctionCatalog.TryGet(f, out ArrayFunction fn) && fn.ArgsType == argsType)
            .Order()
            .ToArray();
    }

    public static TheoryData<string> UnaryFunctions => new(Shared(typeof(UnaryArgs)));

    public static TheoryData<string> BinaryFunctions => new(Shared(typeof(BinaryArgs)));

    public static TheoryData<string> ReductionFunctions => new(Shared(typeof(ReductionArgs)));

    /// <summary>The dtypes each function is checked in.</summary>
    private static readonly DType[] s_dtypes =
        [DType.Float64, DType.Float32, DType.Int64, DType.Int8, DType.Int16, DType.UInt8, DType.UInt16, DType.UInt32, DType.UInt64, DType.Float16];

    private static NDArray Data(DType dtype, string function, Shape shape, int seed)
    {
        var random = new Random(seed);
        (double lo, double hi) = function switch
        {
            "arccosh" => (1.1, 4.0),
            "arcsin" or "arccos" or "arctanh" => (-0.9, 0.9),
            "log" or "log2" or "log10" or "sqrt" or "reciprocal" => (0.1, 4.0),
            "log1p" => (-0.5, 4.0),
            "power" => (0.5, 2.0),
            "prod" => (0.9, 1.1),
            _ => (-4.0, 4.0),
        };
        double[] values = Enumerable.Range(0, (int)shape.Size).Select(_ => lo + (hi - lo) * random.NextDouble()).ToArray();
        NDArray host = Np.AsArray(HostBuffer.FromContiguous(values, shape), backend: "Dense");
        if (dtype.IsInteger())
        {
            long[] ints = values.Select(v => (long)Math.Round(v) is var r && r == 0 && function is "divide" or "floor_divide" or "remainder" or "reciprocal" ? 1 : (long)Math.Round(v)).ToArray();
            if (function == "power") ints = ints.Select(v => Math.Abs(v) % 4).ToArray();
            host = Np.AsArray(HostBuffer.FromContiguous(ints, shape), backend: "Dense");
            if (dtype != DType.Int64) host = Np.AsType(host, dtype);
        }
        else if (dtype == DType.Float16)
        {
            host = Np.AsType(host, DType.Float16);
        }
        else if (dtype == DType.Float32)
        {
            host = Np.AsArray(HostBuffer.FromContiguous(values.Select(v => (float)v).ToArray(), shape), backend: "Dense");
        }
        return host;
    }

    private static void ShouldMatch(NDArray dense, NDArray gpu, string what)
    {
        gpu.ShouldBeOfType<GpuArray>(what);
        gpu.DType.ShouldBe(dense.DType, what);
        gpu.Shape.ShouldBe(dense.Shape, what);
        HostBuffer d = dense.ToHost(), g = gpu.ToHost();
        double[] expected = ToDoubles(d), actual = ToDoubles(g);
        double tolerance = dense.DType switch { DType.Float16 => 2e-3, DType.Float32 => 2e-5, _ => 1e-11 };
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a)) continue;
            if (e == a) continue;
            // Not NaN-blind: |a - e| <= tol holds for a NaN difference under Shouldly's comparer, and for inf - inf's cousin inf <= tol * inf.
            (double.IsFinite(e) && double.IsFinite(a)).ShouldBeTrue($"{what}[{i}]: Dense {e}, Gpu {a}");
            Math.Abs(a - e).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(e)), $"{what}[{i}]: Dense {e}, Gpu {a}");
        }
    }

    private static double[] ToDoubles(HostBuffer b) => b.DType switch
    {
        DType.Bool => b.ToContiguous<bool>().Select(v => v ? 1.0 : 0.0).ToArray(),
        DType.Int8 => b.ToContiguous<sbyte>().Select(v => (double)v).ToArray(),
        DType.Int16 => b.ToContiguous<short>().Select(v => (double)v).ToArray(),
        DType.Int32 => b.ToContiguous<int>().Select(v => (double)v).ToArray(),
        DType.Int64 => b.ToContiguous<long>().Select(v => (double)v).ToArray(),
        DType.UInt8 => b.ToContiguous<byte>().Select(v => (double)v).ToArray(),
        DType.UInt16 => b.ToContiguous<ushort>().Select(v => (double)v).ToArray(),
        DType.UInt32 => b.ToContiguous<uint>().Select(v => (double)v).ToArray(),
        DType.UInt64 => b.ToContiguous<ulong>().Select(v => (double)v).ToArray(),
        DType.Float16 => b.ToContiguous<Half>().Select(v => (double)v).ToArray(),
        DType.Float32 => b.ToContiguous<float>().Select(v => (double)v).ToArray(),
        _ => b.ToContiguous<double>(),
    };

    private static bool Refused(Func<NDArray> call, out NDArray? result)
    {
        try
        {
            result = call();
            return false;
        }
        catch (ArgumentException)
        {
            result = null;
            return true;
        }
    }

    [Theory]
    [MemberData(nameof(UnaryFunctions))]
    public void Unary_OnGpu_MatchesDense(string name)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<UnaryArgs, NDArray>)f;
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, name, new Shape(7, 9), name.Length);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            bool denseRefused = Refused(() => Np.Dispatcher.Invoke(function, new UnaryArgs(x)), out NDArray? dense);
            bool gpuRefused = Refused(() => Np.Dispatcher.Invoke(function, new UnaryArgs(g)), out NDArray? gpu);
            gpuRefused.ShouldBe(denseRefused, $"{name} {dtype.Name()}: refused on Dense {denseRefused}, on Gpu {gpuRefused}");
            if (!denseRefused) ShouldMatch(dense!, gpu!, $"{name} {dtype.Name()}");
        }
    }

    [Theory]
    [MemberData(nameof(BinaryFunctions))]
    public void Binary_OnGpu_MatchesDense_WithBroadcasting(string name)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<BinaryArgs, NDArray>)f;
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, name, new Shape(6, 5), 1), y = Data(dtype, name, new Shape(5), 2);
            using var gx = (GpuArray)Np.AsArray(x, backend: "Gpu");
            using var gy = (GpuArray)Np.AsArray(y, backend: "Gpu");
            bool denseRefused = Refused(() => Np.Dispatcher.Invoke(function, new BinaryArgs(x, y)), out NDArray? dense);
            bool gpuRefused = Refused(() => Np.Dispatcher.Invoke(function, new BinaryArgs(gx, gy)), out NDArray? gpu);
            gpuRefused.ShouldBe(denseRefused, $"{name} {dtype.Name()}");
            if (!denseRefused) ShouldMatch(dense!, gpu!, $"{name} {dtype.Name()}");
            if (name is "power" or "floor_divide" or "remainder") continue;
            bool denseScalarRefused = Refused(() => Np.Dispatcher.Invoke(function, new BinaryArgs(x, 2.5)), out NDArray? denseScalar);
            bool gpuScalarRefused = Refused(() => Np.Dispatcher.Invoke(function, new BinaryArgs(gx, 2.5)), out NDArray? gpuScalar);
            gpuScalarRefused.ShouldBe(denseScalarRefused, $"{name} {dtype.Name()} with 2.5");
            if (!denseScalarRefused) ShouldMatch(denseScalar!, gpuScalar!, $"{name} {dtype.Name()} with 2.5");
        }
    }

    [Theory]
    [MemberData(nameof(ReductionFunctions))]
    public void Reduction_OnGpu_MatchesDense_OverAxes(string name)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<ReductionArgs, NDArray>)f;
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, name, new Shape(4, 6, 5), 3);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            Axes[] axes = name is "argmax" or "argmin" or "cumsum" or "cumprod" ? [Axes.All, 1, -1] : [Axes.All, 0, 2, Axes.Of(0, 2)];
            foreach (Axes axis in axes)
            {
                foreach (bool keepDims in new[] { false, true })
                {
                    var args = new ReductionArgs(x, axis, keepDims);
                    bool denseRefused = Refused(() => Np.Dispatcher.Invoke(function, args), out NDArray? dense);
                    bool gpuRefused = Refused(() => Np.Dispatcher.Invoke(function, args with { X = g }), out NDArray? gpu);
                    gpuRefused.ShouldBe(denseRefused, $"{name} {dtype.Name()} axis={axis} keepdims={keepDims}");
                    if (name == "cumsum" && dtype == DType.Float16)
                    {
                        // NumPy rounds every running float16 sum (checked with NumPy 1.24: np.cumsum of float16 equals the
                        // step-by-step float16 sums, not the float32 cumsum rounded once, which is what Dense computes).
                        dense = SequentialHalfCumsum(x, axis);
                    }
                    if (!denseRefused) ShouldMatch(dense!, gpu!, $"{name} {dtype.Name()} axis={axis} keepdims={keepDims}");
                }
            }
        }
    }

    [Theory]
    [InlineData("nansum")]
    [InlineData("nanmean")]
    public void NanReductions_OnGpu_SkipNaNs_AsDense(string name)
    {
        // Gpu had no nansum/nanmean (the battery's most frequent Gpu decline); a row of NaNs only is 0 (nansum) or NaN (nanmean).
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<ReductionArgs, NDArray>)f;
        double[] values = Enumerable.Range(0, 4 * 6).Select(i => Math.Sin(i) * 3).ToArray();
        foreach (int i in new[] { 1, 7, 8, 9, 10, 11, 12, 20 }) values[i] = double.NaN;   // row 1 (6..11) all NaN
        NDArray host = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(4, 6)), backend: "Dense");
        foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Float16, DType.Complex128, DType.Complex64, DType.Int32, DType.Bool })
        {
            NDArray x = dtype.IsInexact() ? Np.AsType(host, dtype) : Np.AsType(Np.Multiply(Np.Where(Np.IsNaN(host), 0.0, host), 10.0), dtype);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (Axes axis in new[] { Axes.All, 0, 1, Axes.Of(0, 1) })
            {
                foreach (bool keepDims in new[] { false, true })
                {
                    string what = $"{name} {dtype.Name()} axis={axis} keepdims={keepDims}";
                    var args = new ReductionArgs(x, axis, keepDims);
                    NDArray dense = Np.Dispatcher.Invoke(function, args);
                    NDArray gpu = Np.Dispatcher.Invoke(function, args with { X = g });
                    if (dtype.IsComplex())
                    {
                        ComplexMatchesDenseTests.ShouldMatch(dense, gpu, what);
                        (double[] dRe, _) = ComplexMatchesDenseTests.Parts(dense.ToHost());
                        (double[] gRe, _) = ComplexMatchesDenseTests.Parts(gpu.ToHost());
                        gRe.Select(double.IsNaN).ShouldBe(dRe.Select(double.IsNaN), what + ": NaNs");
                        continue;
                    }
                    ShouldMatch(dense, gpu, what);
                    ToDoubles(gpu.ToHost()).Select(double.IsNaN).ShouldBe(ToDoubles(dense.ToHost()).Select(double.IsNaN), what + ": NaNs");
                }
            }
        }
    }

    public static TheoryData<string, int[], int[]> PairCases => new()
    {
        { "matmul", [5, 7], [7, 3] },
        { "matmul", [2, 5, 7], [7, 3] },
        { "matmul", [7], [3, 7, 4] },
        { "dot", [5, 7], [7, 3] },
        { "dot", [7], [7] },
        { "dot", [2, 3, 4], [5, 4, 6] },
        { "dot", [3, 4], [2, 4, 5] },
        { "dot", [], [3, 2] },
    };

    [Theory]
    [MemberData(nameof(PairCases))]
    public void Pair_OnGpu_MatchesDense(string name, int[] shapeA, int[] shapeB)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<PairArgs, NDArray>)f;
        foreach (DType dtype in s_dtypes)
        {
            NDArray a = Data(dtype, name, new Shape(shapeA), 5), b = Data(dtype, name, new Shape(shapeB), 6);
            using var ga = (GpuArray)Np.AsArray(a, backend: "Gpu");
            using var gb = (GpuArray)Np.AsArray(b, backend: "Gpu");
            // float16 products accumulate in float32 and round once (NumPy's float16 matmul loop); Dense's float16 matmul
            // of a 1-d operand keeps the added axis ((7,) @ (3, 7, 4) is (3, 1, 4) there), so the reference is Dense's
            // float32 product rounded to float16.
            bool denseRefused = dtype == DType.Float16
                ? Refused(() => Np.AsType(Np.Dispatcher.Invoke(function, new PairArgs(Np.AsType(a, DType.Float32), Np.AsType(b, DType.Float32))), DType.Float16), out NDArray? dense)
                : Refused(() => Np.Dispatcher.Invoke(function, new PairArgs(a, b)), out dense);
            bool gpuRefused = Refused(() => Np.Dispatcher.Invoke(function, new PairArgs(ga, gb)), out NDArray? gpu);
            gpuRefused.ShouldBe(denseRefused, $"{name} {dtype.Name()}");
            if (!denseRefused) ShouldMatch(dense!, gpu!, $"{name} {dtype.Name()} {Shape.Format(shapeA)} {Shape.Format(shapeB)}");
        }
    }

    public static TheoryData<DType> RealDTypes => new(DTypes.All.Where(d => !d.IsComplex()));

    /// <summary>Values where conversions differ: signed zero, halves, beyond 8/16/32 bits and float16's range, beyond int64, NaN, ±inf.</summary>
    private static readonly double[] s_castEdges =
        [0.0, -0.0, 1.5, -1.5, 2.5, 300.7, -300.7, 65519.0, 65520.0, 70000.0, -70000.0, 3e9, -3e9, 1.8e19, -1e19, 1e-8, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    [Theory]
    [MemberData(nameof(RealDTypes))]
    public void Astype_to_every_real_dtype_matches_Dense_bit_for_bit(DType from)
    {
        NDArray source = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(s_castEdges, new Shape(s_castEdges.Length)), backend: "Dense"), from);
        using var gpu = (GpuArray)Np.AsArray(source, backend: "Gpu");
        foreach (DType to in DTypes.All.Where(d => !d.IsComplex()))
        {
            NDArray dense = Np.AsType(source, to);
            using var converted = (GpuArray)Np.AsType(gpu, to);
            converted.DType.ShouldBe(to);
            Bits(converted.ToHost()).ShouldBe(Bits(dense.ToHost()), $"{from.Name()} -> {to.Name()}");
        }
    }

    [Theory]
    [MemberData(nameof(RealDTypes))]
    public void Creation_and_host_round_trips_match_Dense(DType dtype)
    {
        var shape = new Shape(3, 4);
        ShouldMatch(Np.Zeros(shape, dtype, backend: "Dense"), Np.Zeros(shape, dtype, backend: "Gpu"), $"zeros {dtype.Name()}");
        ShouldMatch(Np.Ones(shape, dtype, backend: "Dense"), Np.Ones(shape, dtype, backend: "Gpu"), $"ones {dtype.Name()}");
        ShouldMatch(Np.Full(shape, 100L, dtype, backend: "Dense"), Np.Full(shape, 100L, dtype, backend: "Gpu"), $"full 100 {dtype.Name()}");
        if (dtype == DType.Bool) ShouldMatch(Np.Arange(3L, 20L, 14L, dtype, backend: "Dense"), Np.Arange(3L, 20L, 14L, dtype, backend: "Gpu"), "arange bool");   // NumPy's bool arange: two values at most
        else ShouldMatch(Np.Arange(0L, 20L, 3L, dtype, backend: "Dense"), Np.Arange(0L, 20L, 3L, dtype, backend: "Gpu"), $"arange {dtype.Name()}");
        ShouldMatch(Np.Eye(4, dtype: dtype, backend: "Dense"), Np.Eye(4, dtype: dtype, backend: "Gpu"), $"eye {dtype.Name()}");
        if (dtype.IsFloat()) ShouldMatch(Np.Full(shape, 2.5, dtype, backend: "Dense"), Np.Full(shape, 2.5, dtype, backend: "Gpu"), $"full 2.5 {dtype.Name()}");
        // The dtype's extremes (and NaN, ±inf for floats) up and back down unchanged.
        NDArray edges = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(s_castEdges, new Shape(s_castEdges.Length)), backend: "Dense"), dtype);
        using var up = (GpuArray)Np.AsArray(edges, backend: "Gpu");
        up.DType.ShouldBe(dtype);
        Bits(up.ToHost()).ShouldBe(Bits(edges.ToHost()), $"round trip {dtype.Name()}");
        using var strided = (GpuArray)Np.AsArray(Np.Reshape(edges, 1, -1), backend: "Gpu");
        Bits(Np.AsArray(strided, backend: "Dense").ToHost()).ShouldBe(Bits(edges.ToHost()), $"round trip of a 2-d {dtype.Name()}");
    }

    [Theory]
    [MemberData(nameof(RealDTypes))]
    public void Sort_of_every_real_dtype_matches_Dense(DType dtype)
    {
        // No -0.0: it sorts equal to 0.0, and which of the two comes first is the sort's stability, not its order.
        double[] values = s_castEdges.Where(v => !(v == 0 && double.IsNegative(v))).ToArray();
        NDArray edges = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(values, new Shape(values.Length)), backend: "Dense"), dtype);
        NDArray rows = Np.Reshape(Np.Concatenate([edges, Np.Flip(edges)]), 2, -1);
        using var gpu = (GpuArray)Np.AsArray(rows, backend: "Gpu");
        foreach (int? axis in new int?[] { -1, 0, null })
        {
            Bits(Np.Sort(gpu, axis).ToHost()).ShouldBe(Bits(Np.Sort(rows, axis).ToHost()), $"sort {dtype.Name()} axis={axis}");
        }
    }

    [Theory]
    [MemberData(nameof(RealDTypes))]
    public void Argsort_of_every_real_dtype_is_Denses_stable_order(DType dtype)
    {
        // Ties on purpose (each value twice, -0.0 beside 0.0): a stable argsort puts equal values in index order, ascending
        // and descending; 2 rows of 2n values (padding to a power of two in between), along each axis and flattened.
        NDArray edges = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(s_castEdges, new Shape(s_castEdges.Length)), backend: "Dense"), dtype);
        NDArray rows = Np.Reshape(Np.Concatenate([edges, Np.Flip(edges), edges, Np.Roll(edges, 3)]), 2, -1);
        using var gpu = (GpuArray)Np.AsArray(rows, backend: "Gpu");
        foreach (int? axis in new int?[] { -1, 0, null })
        {
            foreach (bool descending in new[] { false, true })
            {
                using var actual = (GpuArray)Np.Argsort(gpu, axis, descending: descending);
                NDArray expected = Np.Argsort(rows, axis, descending: descending);
                actual.DType.ShouldBe(DType.Int64);
                actual.Shape.ShouldBe(expected.Shape);
                actual.ToArray<long>().ShouldBe(expected.ToArray<long>(), $"argsort {dtype.Name()} axis={axis} descending={descending}");
            }
        }
    }

    /// <summary>NumPy's float16 cumsum: each running sum is the float32 sum of the previous one and the element, rounded to float16.</summary>
    private static NDArray SequentialHalfCumsum(NDArray x, Axes axis)
    {
        Half[] v = x.ToArray<Half>();
        int[] dims = x.Shape.Dims.ToArray();
        int stride = 1, length = v.Length;
        if (!axis.IsAll)
        {
            int a = Shape.NormalizeAxis(axis.Values[0], dims.Length);
            length = dims[a];
            for (int k = a + 1; k < dims.Length; k++) stride *= dims[k];
        }
        var result = new Half[v.Length];
        for (int i = 0; i < v.Length; i++)
        {
            float previous = (i / stride) % length == 0 ? 0f : (float)result[i - stride];
            result[i] = (Half)(previous + (float)v[i]);
        }
        return Np.AsArray(HostBuffer.FromContiguous(result, axis.IsAll ? new Shape(v.Length) : x.Shape), backend: "Dense");
    }

    /// <summary>Each element's bits as text (NaN as "nan", so payloads may differ as NumPy's do).</summary>
    private static string[] Bits(HostBuffer b)
    {
        Array values = b.ToContiguousArray();
        var texts = new string[values.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = values.GetValue(i) switch
            {
                double d => double.IsNaN(d) ? "nan" : BitConverter.DoubleToInt64Bits(d).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
                float f => float.IsNaN(f) ? "nan" : BitConverter.SingleToInt32Bits(f).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
                Half h => Half.IsNaN(h) ? "nan" : BitConverter.HalfToUInt16Bits(h).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable v => v.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                object v => v.ToString()!,
                null => "null",
            };
        }
        return texts;
    }
}
