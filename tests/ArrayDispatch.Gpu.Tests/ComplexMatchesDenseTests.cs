using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// complex64 and complex128 on the Gpu (interleaved float pairs, the protocol's complex loops compiled into the kernels)
/// against Dense on the same data: every ufunc with a complex loop, unary and binary (with broadcasting and weak real and
/// complex scalars), sum/prod/mean/var/std over axes, astype to and from every dtype, creation and transfers. A function
/// without complex kernels declines, naming the dtype.
/// </summary>
public sealed class ComplexMatchesDenseTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    private static readonly DType[] s_complex = [DType.Complex128, DType.Complex64];

    public static TheoryData<string> UnaryUfuncs => new(Ufunc.All.Where(u => u is UnaryUfunc && u.Loops.HasFlag(UfuncLoops.Complex)).Select(u => u.Name).Order());

    public static TheoryData<string> BinaryUfuncs => new(Ufunc.All.Where(u => u is BinaryUfunc && u.Loops.HasFlag(UfuncLoops.Complex)).Select(u => u.Name).Order());

    public static TheoryData<string> RealOnlyUfuncs => new(Ufunc.All.Where(u => !u.Loops.HasFlag(UfuncLoops.Complex)).Select(u => u.Name).Order());

    internal static NDArray Data(DType dtype, Shape shape, int seed, double lo = -2, double hi = 2)
    {
        var random = new Random(seed);
        var values = new Complex[shape.Size];
        for (int i = 0; i < values.Length; i++) values[i] = new(lo + (hi - lo) * random.NextDouble(), lo + (hi - lo) * random.NextDouble());
        NDArray host = Np.AsArray(HostBuffer.FromContiguous(values, shape), backend: "Dense");
        return dtype == DType.Complex128 ? host : Np.AsType(host, dtype);
    }

    internal static void ShouldMatch(NDArray dense, NDArray gpu, string what, double? tolerance = null)
    {
        gpu.ShouldBeOfType<GpuArray>(what);
        gpu.DType.ShouldBe(dense.DType, what);
        gpu.Shape.ShouldBe(dense.Shape, what);
        (double[] eRe, double[] eIm) = Parts(dense.ToHost());
        (double[] aRe, double[] aIm) = Parts(gpu.ToHost());
        double tol = tolerance ?? (dense.DType is DType.Float32 or DType.Complex64 ? 2e-5 : dense.DType == DType.Float16 ? 2e-3 : 1e-11);
        for (int i = 0; i < eRe.Length; i++)
        {
            double scale = Math.Max(1, Math.Sqrt(eRe[i] * eRe[i] + eIm[i] * eIm[i]));
            Close(eRe[i], aRe[i], tol * scale, $"{what}[{i}].real");
            Close(eIm[i], aIm[i], tol * scale, $"{what}[{i}].imag");
        }
    }

    private static void Close(double e, double a, double tolerance, string what)
    {
        if (e == a || (double.IsNaN(e) && double.IsNaN(a))) return;
        // Not NaN-blind: a NaN difference passes "<= tolerance" under Shouldly's comparer.
        (double.IsFinite(e) && double.IsFinite(a)).ShouldBeTrue($"{what}: Dense {e}, Gpu {a}");
        Math.Abs(a - e).ShouldBeLessThanOrEqualTo(tolerance, $"{what}: Dense {e}, Gpu {a}");
    }

    internal static (double[] Re, double[] Im) Parts(HostBuffer b)
    {
        if (b.DType == DType.Complex128) { Complex[] c = b.ToContiguous<Complex>(); return (c.Select(v => v.Real).ToArray(), c.Select(v => v.Imaginary).ToArray()); }
        if (b.DType == DType.Complex64) { Complex64[] c = b.ToContiguous<Complex64>(); return (c.Select(v => (double)v.Real).ToArray(), c.Select(v => (double)v.Imaginary).ToArray()); }
        double[] re = b.DType switch
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
        return (re, new double[re.Length]);
    }

    private static NDArray Invoke(string name, params NDArray[] x)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        return f switch
        {
            ArrayFunction<UnaryArgs, NDArray> u => Np.Dispatcher.Invoke(u, new UnaryArgs(x[0])),
            ArrayFunction<BinaryArgs, NDArray> b => Np.Dispatcher.Invoke(b, new BinaryArgs(x[0], x[1])),
            _ => throw new InvalidOperationException(name),
        };
    }

    [Theory]
    [MemberData(nameof(UnaryUfuncs))]
    public void Every_unary_ufunc_with_a_complex_loop_matches_Dense(string name)
    {
        foreach (DType dtype in s_complex)
        {
            NDArray x = Data(dtype, new Shape(7, 9), name.Length);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            ShouldMatch(Invoke(name, x), Invoke(name, g), $"{name} {dtype.Name()}");
            // a strided view (every other column, transposed) goes through the layout kernel
            NDArray xv = Np.Transpose(x[.., ..2]), gv = Np.Transpose(g[.., ..2]);
            ShouldMatch(Invoke(name, xv), Invoke(name, gv), $"{name} {dtype.Name()} view");
        }
    }

    [Fact]
    public void ProdAndSum_StartFromTheIdentity_AsNumPyAndDense()
    {
        // NumPy reduces from the identity: prod([inf+0j]) is (1+0j)(inf+0j) = inf+nanj (the Gpu seeded with the first
        // element and gave inf+0j), and sum([-0.0]) is 0.0 + -0.0 = 0.0.
        var values = new[] { new Complex(double.PositiveInfinity, 0), new Complex(2, 0), new Complex(double.PositiveInfinity, 1) };
        foreach (DType dtype in s_complex)
        {
            NDArray column = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(values, new Shape(3, 1)), backend: "Dense"), dtype);
            using var g = (GpuArray)Np.AsArray(column, backend: "Gpu");
            NDArray scalar = Np.GetItem(column, 0, 0);
            using var g0 = (GpuArray)Np.AsArray(scalar, backend: "Gpu");
            foreach ((NDArray dense, NDArray gpu, string what) in new[]
            {
                (Np.Prod(column, 1), Np.Prod(g, 1), "prod over a length-1 axis"),
                (Np.Prod(column, 0, keepDims: true), Np.Prod(g, 0, keepDims: true), "prod over the column"),
                (Np.Prod(scalar), Np.Prod(g0), "prod of a 0-d array"),
            })
            {
                ShouldMatch(dense, gpu, $"{dtype} {what}");
                (double[] dRe, double[] dIm) = Parts(dense.ToHost());
                (double[] gRe, double[] gIm) = Parts(gpu.ToHost());
                gRe.Select(double.IsNaN).ShouldBe(dRe.Select(double.IsNaN), $"{dtype} {what}: NaN real parts");
                gIm.Select(double.IsNaN).ShouldBe(dIm.Select(double.IsNaN), $"{dtype} {what}: NaN imaginary parts");
            }
            double.IsNaN(Parts(Np.Prod(g0).ToHost()).Im[0]).ShouldBeTrue($"{dtype}: (1+0j)(inf+0j) has a NaN imaginary part, as in NumPy");
        }
        NDArray negativeZero = Np.AsArray(HostBuffer.FromContiguous(new[] { -0.0 }, new Shape(1)), backend: "Dense");
        using var gz = (GpuArray)Np.AsArray(negativeZero, backend: "Gpu");
        double.IsNegative(Np.Sum(negativeZero).Item<double>()).ShouldBe(double.IsNegative(Np.Sum(gz).Item<double>()), "sum([-0.0]): Dense and Gpu agree on the sign");
        double.IsNegative(Np.Sum(gz).Item<double>()).ShouldBeFalse("sum([-0.0]) is 0.0 in NumPy");
    }

    [Fact]
    public void Complex_extrema_order_lexicographically_and_a_NaN_part_wins_as_on_Dense()
    {
        Complex[] values = [new(1, 5), new(2, -1), new(2, 3), new(-4, 9), new(2, 3)];
        Complex[] withNaN = [new(1, 5), new(2, double.NaN), new(3, 0), new(double.NaN, 0)];
        foreach (Complex[] v in new[] { values, withNaN })
        {
            NDArray x = Np.AsArray(v, backend: "Dense");
            using var g = (GpuArray)Np.AsArray(v, backend: "Gpu");
            ShouldMatch(Np.Argmax(x), Np.Argmax(g), "argmax");
            ShouldMatch(Np.Argmin(x), Np.Argmin(g), "argmin");
            if (v == values)
            {
                ShouldMatch(Np.Max(x), Np.Max(g), "max");
                ShouldMatch(Np.Min(x), Np.Min(g), "min");
            }
        }
    }

    [Fact]
    public void Special_values_take_the_protocols_branch_cuts_on_the_device()
    {
        // signed zeros, infinities and NaNs on and beside the cuts
        double[] parts = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e300, -1e-300];
        Complex[] values = parts.SelectMany(r => parts.Select(i => new Complex(r, i))).ToArray();
        NDArray x = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(values.Length)), backend: "Dense");
        using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
        foreach (string name in new[] { "sqrt", "log", "log1p", "exp", "arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh", "tanh", "tan", "absolute", "sign", "reciprocal", "isnan", "isinf", "isfinite", "angle" })
        {
            NDArray dense = Invoke(name, x), gpu = Invoke(name, g);
            (double[] eRe, double[] eIm) = Parts(dense.ToHost());
            (double[] aRe, double[] aIm) = Parts(gpu.ToHost());
            for (int i = 0; i < eRe.Length; i++)
            {
                if (double.IsNaN(eRe[i]) && double.IsNaN(aRe[i]) && double.IsNaN(eIm[i]) && double.IsNaN(aIm[i])) continue;   // a NaN's sign and payload are not NumPy's concern
                if (double.IsNaN(eRe[i])) { double.IsNaN(aRe[i]).ShouldBeTrue($"{name}({values[i]}).real"); aRe[i] = eRe[i]; }
                if (double.IsNaN(eIm[i])) { double.IsNaN(aIm[i]).ShouldBeTrue($"{name}({values[i]}).imag"); aIm[i] = eIm[i]; }
                // bit for bit, the sign of a zero and the side of a cut included (the same code runs on both)
                BitConverter.DoubleToInt64Bits(aRe[i]).ShouldBe(BitConverter.DoubleToInt64Bits(eRe[i]), $"{name}({values[i]}).real: Dense {eRe[i]}, Gpu {aRe[i]}");
                BitConverter.DoubleToInt64Bits(aIm[i]).ShouldBe(BitConverter.DoubleToInt64Bits(eIm[i]), $"{name}({values[i]}).imag: Dense {eIm[i]}, Gpu {aIm[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BinaryUfuncs))]
    public void Every_binary_ufunc_with_a_complex_loop_matches_Dense_with_broadcasting_and_scalars(string name)
    {
        foreach (DType dtype in s_complex)
        {
            NDArray x = Data(dtype, new Shape(6, 5), 1), y = Data(dtype, new Shape(5), 2);
            using var gx = (GpuArray)Np.AsArray(x, backend: "Gpu");
            using var gy = (GpuArray)Np.AsArray(y, backend: "Gpu");
            ShouldMatch(Invoke(name, x, y), Invoke(name, gx, gy), $"{name} {dtype.Name()}");
            FunctionCatalog.TryGet(name, out ArrayFunction f);
            var binary = (ArrayFunction<BinaryArgs, NDArray>)f;
            foreach (Scalar s in new Scalar[] { 2.5, 3L, new Complex(0.5, -1.5) })
            {
                ShouldMatch(Np.Dispatcher.Invoke(binary, new BinaryArgs(x, s)), Np.Dispatcher.Invoke(binary, new BinaryArgs(gx, s)), $"{name} {dtype.Name()} with {s}");
                ShouldMatch(Np.Dispatcher.Invoke(binary, new BinaryArgs(s, y)), Np.Dispatcher.Invoke(binary, new BinaryArgs(s, gy)), $"{name} {s} with {dtype.Name()}");
            }
            // mixed with a real array: NumPy's promotion (float32 + complex64 is complex64, float64 + complex64 is complex128)
            NDArray r = Np.AsType(Data(DType.Complex128, new Shape(5), 3), DType.Float64);
            using var gr = (GpuArray)Np.AsArray(r, backend: "Gpu");
            ShouldMatch(Invoke(name, x, r), Invoke(name, gx, gr), $"{name} {dtype.Name()} with float64");
        }
    }

    [Theory]
    [MemberData(nameof(RealOnlyUfuncs))]
    public void A_ufunc_without_a_complex_loop_refuses_complex_as_Dense(string name)
    {
        NDArray x = Data(DType.Complex128, new Shape(4), 5);
        using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
        NDArray[] args = Ufunc.All.First(u => u.Name == name) is UnaryUfunc ? [x] : [x, x];
        NDArray[] gargs = args.Length == 1 ? [g] : [g, g];
        Exception dense = Should.Throw<Exception>(() => Invoke(name, args));
        Exception gpu = Should.Throw<Exception>(() => Invoke(name, gargs));
        gpu.GetType().ShouldBe(dense.GetType(), name);
        gpu.Message.ShouldBe(dense.Message, name);
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("prod")]
    [InlineData("mean")]
    [InlineData("var")]
    [InlineData("std")]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("argmax")]
    [InlineData("argmin")]
    [InlineData("any")]
    [InlineData("all")]
    [InlineData("count_nonzero")]
    public void Reductions_match_Dense_over_axes(string name)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction f);
        var function = (ArrayFunction<ReductionArgs, NDArray>)f;
        foreach (DType dtype in s_complex)
        {
            NDArray x = name == "prod" ? Data(dtype, new Shape(4, 6, 5), 3, 0.6, 0.9) : Data(dtype, new Shape(4, 6, 5), 3);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            Axes[] axes = name is "argmax" or "argmin" ? [Axes.All, 0, -1] : [Axes.All, 0, 2, Axes.Of(0, 2), -1];
            foreach (Axes axis in axes)
            {
                foreach (bool keepDims in new[] { false, true })
                {
                    var args = new ReductionArgs(x, axis, keepDims);
                    ShouldMatch(Np.Dispatcher.Invoke(function, args), Np.Dispatcher.Invoke(function, args with { X = g }),
                        $"{name} {dtype.Name()} axis={axis} keepdims={keepDims}", dtype == DType.Complex64 ? 1e-4 : 1e-10);
                }
            }
            var empty = new ReductionArgs(Data(dtype, new Shape(0, 3), 4), 0, false);
            using var gEmpty = (GpuArray)Np.AsArray(empty.X, backend: "Gpu");
            if (name is "sum" or "prod" or "any" or "all" or "count_nonzero") ShouldMatch(Np.Dispatcher.Invoke(function, empty), Np.Dispatcher.Invoke(function, empty with { X = gEmpty }), $"{name} empty");
        }
    }

    [Theory]
    [InlineData(DType.Complex64)]
    [InlineData(DType.Complex128)]
    public void Astype_to_and_from_every_dtype_matches_Dense(DType complex)
    {
        NDArray x = Data(complex, new Shape(3, 4), 7, -3, 3);
        using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
        foreach (DType to in DTypes.All)
        {
            // to a real dtype: the real part, as NumPy's unsafe cast (which warns that it drops the imaginary part)
            ShouldMatch(Np.AsType(x, to), Np.AsType(g, to), $"{complex.Name()} -> {to.Name()}");
            NDArray r = Np.AsType(Np.AsType(x, DType.Float64), to);
            using var gr = (GpuArray)Np.AsArray(r, backend: "Gpu");
            ShouldMatch(Np.AsType(r, complex), Np.AsType(gr, complex), $"{to.Name()} -> {complex.Name()}");
        }
        // a value with only an imaginary part is true as a bool
        NDArray i = Np.AsArray(new[] { new Complex(0, 1), Complex.Zero }, backend: "Dense");
        using var gi = (GpuArray)Np.AsArray(i, backend: "Gpu");
        ShouldMatch(Np.AsType(i, DType.Bool), Np.AsType(gi, DType.Bool), "1j -> bool");
    }

    [Fact]
    public void Creation_fills_and_transfers_keep_both_parts()
    {
        using var z = (GpuArray)Np.Zeros(new Shape(2, 3), DType.Complex64, backend: "Gpu");
        z.ToArray<Complex64>().ShouldAllBe(v => v.Real == 0 && v.Imaginary == 0);
        using var o = (GpuArray)Np.Ones(new Shape(3), DType.Complex128, backend: "Gpu");
        o.ToArray<Complex>().ShouldBe([Complex.One, Complex.One, Complex.One]);
        using var f = (GpuArray)Np.Full(new Shape(2), new Complex(1.5, -2.5), DType.Complex128, backend: "Gpu");
        f.ToArray<Complex>().ShouldBe([new Complex(1.5, -2.5), new Complex(1.5, -2.5)]);
        using var f64 = (GpuArray)Np.Full(new Shape(2), new Complex(1.5, -2.5), DType.Complex64, backend: "Gpu");
        f64.ToArray<Complex64>().ShouldBe([new Complex64(1.5f, -2.5f), new Complex64(1.5f, -2.5f)]);
        using var e = (GpuArray)Np.Eye(3, dtype: DType.Complex64, backend: "Gpu");
        e.ToArray<Complex64>()[4].ShouldBe(new Complex64(1, 0));

        var values = new Complex[,] { { new(1, 2), new(3, -4) }, { new(-5, 6), new(7, 0) } };
        using var up = (GpuArray)Np.AsArray(values, backend: "Gpu");
        up.DType.ShouldBe(DType.Complex128);
        up.Shape.ShouldBe(new Shape(2, 2));
        up.ToArray<Complex>().ShouldBe([new(1, 2), new(3, -4), new(-5, 6), new(7, 0)]);
        using var up64 = (GpuArray)Np.AsArray(new[] { new Complex64(1, -1), new Complex64(0.5f, 2) }, backend: "Gpu");
        up64.DType.ShouldBe(DType.Complex64);
        up64.ToArray<Complex64>().ShouldBe([new Complex64(1, -1), new Complex64(0.5f, 2)]);
        // a transposed view downloads in C order
        using var t = (GpuArray)Np.Transpose(up);
        t.ToArray<Complex>().ShouldBe([new(1, 2), new(-5, 6), new(3, -4), new(7, 0)]);
    }

    [Fact]
    public void Sort_orders_as_Dense_real_part_then_imaginary_part_NaN_classes_last()
    {
        Complex[] special = [new(2, 1), new(double.NaN, 0), new(1, double.NaN), new(2, -1), new(-1, 5), new(double.NaN, double.NaN), new(1, 0), new(2, 1)];
        foreach (DType dtype in s_complex)
        {
            NDArray s = Np.AsType(Np.AsArray(special, backend: "Dense"), dtype);
            using var gs = (GpuArray)Np.AsArray(s, backend: "Gpu");
            ShouldMatch(Np.Sort(s), Np.Sort(gs), $"sort {dtype.Name()} special");
            ShouldMatch(Np.Sort(s, descending: true), Np.Sort(gs, descending: true), $"sort {dtype.Name()} descending");
            NDArray x = Data(dtype, new Shape(5, 37), 17);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (int? axis in new int?[] { -1, 0, null })
            {
                ShouldMatch(Np.Sort(x, axis), Np.Sort(g, axis), $"sort {dtype.Name()} axis={axis}");
                Np.Argsort(g, axis).ToArray<long>().ShouldBe(Np.Argsort(x, axis).ToArray<long>(), $"argsort {dtype.Name()} axis={axis}");
            }
            // Equal values and the NaN classes: the stable order of Dense, ascending and descending.
            foreach (bool descending in new[] { false, true })
            {
                Np.Argsort(gs, descending: descending).ToArray<long>().ShouldBe(Np.Argsort(s, descending: descending).ToArray<long>(), $"argsort {dtype.Name()} special descending={descending}");
            }
        }
    }

    [Fact]
    public void Nanmedian_of_complex_matches_Dense_along_every_axis_NaN_elements_skipped()
    {
        // The composition's int64 index arrays are made like= the input: a complex64 input's dtype was judged
        // ("no arange for complex64") instead of the int64 asked for.
        foreach (DType dtype in s_complex)
        {
            NDArray x = Data(dtype, new Shape(4, 7), 29);
            NDArray withNaN = Np.Where(Np.Less(Np.Real(x), -1.5), new Complex(double.NaN, 0), x);
            NDArray d = Np.AsType(withNaN, dtype);
            using var g = (GpuArray)Np.AsArray(d, backend: "Gpu");
            foreach (int? axis in new int?[] { null, 0, 1 })
            {
                ShouldMatch(Np.NanMedian(d, axis), Np.NanMedian(g, axis), $"nanmedian {dtype.Name()} axis={axis}");
            }
        }
    }

    [Fact]
    public void Cumsum_matches_Dense_along_every_axis()
    {
        foreach (DType dtype in s_complex)
        {
            NDArray x = Data(dtype, new Shape(4, 70, 3), 13);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (int? axis in new int?[] { null, 0, 1, -1 })
            {
                ShouldMatch(Np.Cumsum(x, axis), Np.Cumsum(g, axis), $"cumsum {dtype.Name()} axis={axis}", dtype == DType.Complex64 ? 1e-4 : 1e-11);
            }
        }
    }

    [Fact]
    public void Cumprod_matches_Dense_along_every_axis_and_starts_from_the_first_element()
    {
        foreach (DType dtype in s_complex)
        {
            // Near the unit circle, so 280 factors neither overflow nor vanish.
            NDArray x = Np.Divide(Data(dtype, new Shape(4, 70, 3), 19), Np.Abs(Data(dtype, new Shape(4, 70, 3), 19)) * 1.01);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (int? axis in new int?[] { null, 0, 1, -1 })
            {
                ShouldMatch(Np.Cumprod(x, axis), Np.Cumprod(g, axis), $"cumprod {dtype.Name()} axis={axis}", dtype == DType.Complex64 ? 1e-4 : 1e-11);
            }
            // NumPy's accumulate copies the first element: cumprod([inf+0j]) is inf+0j (prod gives inf+nanj).
            NDArray inf = Np.AsType(Np.AsArray(new[] { new Complex(double.PositiveInfinity, 0) }, backend: "Dense"), dtype);
            using var ginf = (GpuArray)Np.AsArray(inf, backend: "Gpu");
            ShouldMatch(Np.Cumprod(inf), Np.Cumprod(ginf), $"cumprod {dtype.Name()} of inf+0j");
        }
    }

    public static TheoryData<string, int[], int[]> PairCases => new()
    {
        { "matmul", [5, 7], [7, 3] },
        { "matmul", [2, 5, 7], [7, 3] },
        { "matmul", [7], [3, 7, 4] },
        { "matmul", [40, 9], [9, 37] },
        { "dot", [5, 7], [7, 3] },
        { "dot", [7], [7] },
        { "dot", [2, 3, 4], [5, 4, 6] },
    };

    [Theory]
    [MemberData(nameof(PairCases))]
    public void Complex_matmul_and_dot_match_Dense_on_the_simple_and_the_blocked_kernel(string name, int[] sa, int[] sb)
    {
        foreach (DType dtype in s_complex)
        {
            NDArray a = Data(dtype, new Shape(sa), 11), b = Data(dtype, new Shape(sb), 12);
            using var ga = (GpuArray)Np.AsArray(a, backend: "Gpu");
            using var gb = (GpuArray)Np.AsArray(b, backend: "Gpu");
            NDArray dense = name == "matmul" ? Np.MatMul(a, b) : Np.Dot(a, b);
            foreach (bool tiled in new[] { false, true })
            {
                ga.Runtime.UseTiledMatMul = tiled;
                try
                {
                    NDArray gpu = name == "matmul" ? Np.MatMul(ga, gb) : Np.Dot(ga, gb);
                    ShouldMatch(dense, gpu, $"{name} {dtype.Name()} tiled={tiled}", dtype == DType.Complex64 ? 1e-5 : 1e-12);
                }
                finally
                {
                    ga.Runtime.UseTiledMatMul = false;
                }
            }
            // mixed with a real operand: promoted to complex first
            NDArray r = Np.AsType(Np.Real(b), DType.Float64);
            using var gr = (GpuArray)Np.AsArray(r, backend: "Gpu");
            ShouldMatch(name == "matmul" ? Np.MatMul(a, r) : Np.Dot(a, r), name == "matmul" ? Np.MatMul(ga, gr) : Np.Dot(ga, gr), $"{name} {dtype.Name()} @ float64", 1e-5);
        }
    }
}
