using System.Numerics;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.DTypes;

/// <summary>
/// complex64 and complex128 on Sparse, against Dense on the same values (about half of them zero): creation from dense
/// data and from entries, every format, element-wise functions under the f(0) = 0 rule, conj/real/imag/abs, comparisons,
/// sum/prod/mean/var, max/min/argmax/argmin in NumPy's lexicographic order, products with dense and sparse operands,
/// transpose, astype to and from complex; the solvers, which compute in float64, decline complex naming the dtype.
/// </summary>
public sealed class ComplexDTypeTests
{
    public static TheoryData<DType> Complex => new() { DType.Complex64, DType.Complex128 };

    private static NDArray Data(DType dtype, int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var values = new System.Numerics.Complex[rows * cols];
        for (int i = 0; i < values.Length; i++)
        {
            if (random.NextDouble() < 0.5) continue;
            values[i] = new(random.Next(-6, 7) + 0.25, random.NextDouble() < 0.3 ? 0 : random.Next(-6, 7) - 0.5);
        }
        return Np.AsType(DenseOf(values, rows, cols), dtype);
    }

    private static NDArray OnSparse(NDArray dense, string format = "csr") => Np.AsArray(dense, backend: "Sparse", format: format);

    private static void ShouldMatch(NDArray sparseResult, NDArray dense, string what)
    {
        NDArray actual = Np.AsArray(sparseResult, backend: "Dense");
        actual.DType.ShouldBe(dense.DType, what);
        actual.Shape.ShouldBe(dense.Shape, what);
        System.Numerics.Complex[] a = Np.AsType(actual, DType.Complex128).ToArray<System.Numerics.Complex>(), e = Np.AsType(dense, DType.Complex128).ToArray<System.Numerics.Complex>();
        double tolerance = dense.DType is DType.Complex64 or DType.Float32 ? 1e-5 : 1e-12;
        for (int i = 0; i < e.Length; i++)
        {
            bool nan = (double.IsNaN(e[i].Real) || double.IsNaN(e[i].Imaginary)) && (double.IsNaN(a[i].Real) || double.IsNaN(a[i].Imaginary));
            if (nan || a[i] == e[i]) continue;
            // Not NaN-blind: a NaN difference passes "<= tolerance" under Shouldly's comparer.
            (double.IsFinite(e[i].Real) && double.IsFinite(e[i].Imaginary) && double.IsFinite(a[i].Real) && double.IsFinite(a[i].Imaginary))
                .ShouldBeTrue($"{what}[{i}]: Dense {e[i]}, Sparse {a[i]}");
            System.Numerics.Complex.Abs(a[i] - e[i]).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, System.Numerics.Complex.Abs(e[i])), $"{what}[{i}]: Dense {e[i]}, Sparse {a[i]}");
        }
    }

    [Theory, MemberData(nameof(Complex))]
    public void Dense_complex_data_round_trips_through_every_format(DType dtype)
    {
        using TestHost host = Create();
        NDArray dense = Data(dtype, 4, 5, 1);
        foreach (string format in new[] { "csr", "csc", "coo" })
        {
            NDArray s = OnSparse(dense, format);
            s.DType.ShouldBe(dtype);
            ((SparseArray)s).Nnz.ShouldBe((int)Np.CountNonzero(dense).ToArray<long>()[0]);
            ShouldMatch(s, dense, $"{dtype.Name()} {format}");
        }
        ((SparseArray)OnSparse(dense, "coo")).ToString().ShouldContain($"dtype={dtype.Name()}");
        ((SparseArray)OnSparse(dense, "coo")).ToString().ShouldContain("fill_value=0j");
    }

    [Fact]
    public void Arrays_are_built_from_complex_entries_and_read_and_written_as_npz_and_matrix_market()
    {
        using TestHost host = Create();
        var data = new System.Numerics.Complex[] { new(1, 2), new(0, -1), new(3, 0) };
        CooArray coo = CooArray.FromTriplets(data, [0, 1, 2], [2, 0, 1], new Shape(3, 3));
        coo.DType.ShouldBe(DType.Complex128);
        var c64 = CsrArray.FromCompressed(new Complex64[] { new(1, 2), new(0, -1) }, [1, 0], [0, 1, 2], new Shape(2, 2));
        c64.DType.ShouldBe(DType.Complex64);
        Np.AsArray(c64, backend: "Dense").ToArray<Complex64>().ShouldBe([Complex64.Zero, new Complex64(1, 2), new Complex64(0, -1), Complex64.Zero]);
        var text = new StringWriter();
        ArrayDispatch.Sparse.IO.MatrixMarket.Write(text, coo);
        text.ToString().ShouldStartWith("%%MatrixMarket matrix coordinate complex general");
        CooArray back = ArrayDispatch.Sparse.IO.MatrixMarket.Read(new StringReader(text.ToString()));
        Np.AsArray(back, backend: "Dense").ToArray<System.Numerics.Complex>().ShouldBe(Np.AsArray(coo, backend: "Dense").ToArray<System.Numerics.Complex>());
        string npz = Path.Combine(Path.GetTempPath(), $"sparse-complex-{Guid.NewGuid():N}.npz");
        try
        {
            ArrayDispatch.Sparse.IO.ScipyNpz.Save(npz, c64);
            SparseArray loaded = ArrayDispatch.Sparse.IO.ScipyNpz.Load(npz);
            loaded.DType.ShouldBe(DType.Complex64);
            Np.AsArray(loaded, backend: "Dense").ToArray<Complex64>().ShouldBe(Np.AsArray(c64, backend: "Dense").ToArray<Complex64>());
        }
        finally
        {
            File.Delete(npz);
        }
        CooArray hermitian = ArrayDispatch.Sparse.IO.MatrixMarket.Read(new StringReader("%%MatrixMarket matrix coordinate complex hermitian\n2 2 2\n1 1 1 0\n2 1 3 4\n"));
        Np.AsArray(hermitian, backend: "Dense").ToArray<System.Numerics.Complex>().ShouldBe([new(1, 0), new(3, -4), new(3, 4), 0]);
    }

    [Theory, MemberData(nameof(Complex))]
    public void Elementwise_functions_with_zero_at_zero_stay_sparse_and_match_Dense(DType dtype)
    {
        using TestHost host = Create();
        NDArray a = Data(dtype, 4, 5, 2), b = Data(dtype, 4, 5, 3);
        NDArray sa = OnSparse(a), sb = OnSparse(b, "csc");
        foreach ((string name, Func<NDArray, NDArray> f) in new (string, Func<NDArray, NDArray>)[]
        {
            ("negative", x => Np.Negative(x)), ("conj", x => Np.Conj(x)), ("square", x => Np.Square(x)), ("sqrt", x => Np.Sqrt(x)), ("sin", x => Np.Sin(x)), ("tanh", x => Np.Tanh(x)),
            ("expm1", x => Np.Expm1(x)), ("log1p", x => Np.Log1p(x)), ("arcsin", x => Np.Arcsin(x)), ("sign", x => Np.Sign(x)),
        })
        {
            NDArray r = f(sa);
            r.ShouldBeAssignableTo<SparseArray>(name);
            ShouldMatch(r, f(a), $"{name} {dtype.Name()}");
        }
        foreach ((string name, Func<NDArray, NDArray> f) in new (string, Func<NDArray, NDArray>)[] { ("abs", x => Np.Abs(x)), ("real", x => Np.Real(x)), ("imag", x => Np.Imag(x)) })
        {
            NDArray r = f(sa);
            r.ShouldBeAssignableTo<SparseArray>(name);
            r.DType.ShouldBe(dtype.RealPart(), name);
            ShouldMatch(r, f(a), $"{name} {dtype.Name()}");
        }
        ShouldMatch(Np.Add(sa, sb), Np.Add(a, b), $"add {dtype.Name()}");
        ShouldMatch(Np.Subtract(sa, sb), Np.Subtract(a, b), $"subtract {dtype.Name()}");
        ShouldMatch(Np.Multiply(sa, sb), Np.Multiply(a, b), $"multiply {dtype.Name()}");
        ShouldMatch(Np.Multiply(sa, b), Np.Multiply(a, b), $"multiply by dense {dtype.Name()}");
        ShouldMatch(Np.Multiply(sa, new System.Numerics.Complex(0.5, -2)), Np.Multiply(a, new System.Numerics.Complex(0.5, -2)), $"multiply by a complex scalar {dtype.Name()}");
        ShouldMatch(Np.Divide(sa, 2.0), Np.Divide(a, 2.0), $"divide by 2 {dtype.Name()}");
        ShouldMatch(Np.NotEqual(sa, sb), Np.NotEqual(a, b), $"not_equal {dtype.Name()}");
        ShouldMatch(Np.IsNaN(sa), Np.IsNaN(a), $"isnan {dtype.Name()}");
    }

    [Fact]
    public void A_real_sparse_array_with_a_complex_operand_promotes_as_NumPy()
    {
        using TestHost host = Create();
        NDArray real = Np.AsType(Data(DType.Complex128, 3, 4, 4), DType.Float32), c64 = Data(DType.Complex64, 3, 4, 5);
        NDArray r = Np.Multiply(OnSparse(real), System.Numerics.Complex.ImaginaryOne);
        r.DType.ShouldBe(DType.Complex64);
        ShouldMatch(r, Np.Multiply(real, System.Numerics.Complex.ImaginaryOne), "float32 * 1j");
        NDArray f64 = Np.AsType(real, DType.Float64);
        ShouldMatch(Np.Add(OnSparse(f64), OnSparse(c64)), Np.Add(f64, c64), "float64 + complex64");
    }

    [Fact]
    public void Functions_not_zero_at_zero_are_refused_without_AllowDensify_and_match_Dense_with_it()
    {
        NDArray dense;
        using (TestHost host = Create())
        {
            dense = Data(DType.Complex128, 3, 4, 6);
            Should.Throw<SparseDensifyException>(() => Np.Exp(OnSparse(dense))).Message.ShouldContain("exp(0) = (1+0j)");
            Should.Throw<SparseDensifyException>(() => Np.Add(OnSparse(dense), new System.Numerics.Complex(1, 1))).Message.ShouldContain("(1+1j)");
        }
        using (TestHost host = Create((AllowDensify, "true")))
        {
            dense = Data(DType.Complex128, 3, 4, 6);
            ShouldMatch(Np.Exp(OnSparse(dense)), Np.Exp(dense), "exp with AllowDensify");
            ShouldMatch(Np.Cos(OnSparse(dense)), Np.Cos(dense), "cos with AllowDensify");
            ShouldMatch(Np.Equal(OnSparse(dense), OnSparse(dense)), Np.Equal(dense, dense), "equal with AllowDensify");
        }
    }

    [Theory, MemberData(nameof(Complex))]
    public void Sum_prod_mean_var_and_counts_match_Dense(DType dtype)
    {
        using TestHost host = Create();
        NDArray dense = Data(dtype, 4, 5, 7);
        foreach (string format in new[] { "csr", "coo" })
        {
            NDArray sparse = OnSparse(dense, format);
            foreach (Axes axis in new[] { Axes.All, (Axes)0, (Axes)1 })
            {
                string what = $"{dtype.Name()} {format} axis={axis}";
                ShouldMatch(Np.Sum(sparse, axis), Np.Sum(dense, axis), "sum " + what);
                ShouldMatch(Np.NanSum(sparse, axis), Np.NanSum(dense, axis), "nansum " + what);
                ShouldMatch(Np.Prod(sparse, axis), Np.Prod(dense, axis), "prod " + what);
                ShouldMatch(Np.Mean(sparse, axis), Np.Mean(dense, axis), "mean " + what);
                ShouldMatch(Np.Var(sparse, axis), Np.Var(dense, axis), "var " + what);
                ShouldMatch(Np.Std(sparse, axis, ddof: 1), Np.Std(dense, axis, ddof: 1), "std " + what);
                ShouldMatch(Np.CountNonzero(sparse, axis), Np.CountNonzero(dense, axis), "count_nonzero " + what);
                ShouldMatch(Np.Any(sparse, axis), Np.Any(dense, axis), "any " + what);
            }
            ShouldMatch(Np.Trace(sparse), Np.Trace(dense), $"trace {dtype.Name()} {format}");
        }
        Np.Sum(OnSparse(dense)).DType.ShouldBe(dtype);
        Np.Var(OnSparse(dense)).DType.ShouldBe(dtype.RealPart());
    }

    [Fact]
    public void A_negative_zero_part_is_kept_so_branch_cuts_take_numpys_side()
    {
        using TestHost host = Create((AllowDensify, "true"));
        NDArray dense = DenseOf(new System.Numerics.Complex[] { new(-4, -0.0), new(-4, 0), new(0, -0.0), 0 }, 2, 2);
        NDArray s = OnSparse(dense);
        ((SparseArray)s).Nnz.ShouldBe(3);   // 0 - 0j is a value (its sign is seen), 0 + 0j is not stored
        Np.AsArray(Np.Sqrt(s), backend: "Dense").ToArray<System.Numerics.Complex>()[0].Imaginary.ShouldBe(-2);
        Np.AsArray(s, backend: "Dense").ToArray<System.Numerics.Complex>().Select(c => double.IsNegative(c.Imaginary)).ShouldBe([true, false, true, false]);
        ShouldMatch(Np.Log(s), Np.Log(dense), "log across the cut");
    }

    [Fact]
    public void An_imaginary_only_value_counts_as_nonzero()
    {
        using TestHost host = Create();
        NDArray dense = DenseOf(new System.Numerics.Complex[] { new(0, 1), 0, new(0, -2), 0 }, 2, 2);
        NDArray s = OnSparse(dense);
        Np.CountNonzero(s).ToArray<long>().ShouldBe([2L]);
        Np.Any(s, 1).ToArray<bool>().ShouldBe([true, true]);
        Np.All(s, 0).ToArray<bool>().ShouldBe([true, false]);   // column 0 holds 1j and -2j
    }

    [Theory, MemberData(nameof(Complex))]
    public void Products_with_dense_and_sparse_operands_match_Dense(DType dtype)
    {
        using TestHost host = Create();
        NDArray a = Data(dtype, 4, 5, 8), b = Data(dtype, 5, 3, 9), wide = Data(dtype, 5, 11, 10), v = Data(dtype, 5, 1, 11).Reshape(5);
        NDArray sa = OnSparse(a), sb = OnSparse(b, "csc");
        ShouldMatch(Np.MatMul(sa, b), Np.MatMul(a, b), $"{dtype.Name()} sparse @ dense");
        ShouldMatch(Np.MatMul(sa, wide), Np.MatMul(a, wide), $"{dtype.Name()} sparse @ wide dense");
        ShouldMatch(Np.MatMul(a, sb), Np.MatMul(a, b), $"{dtype.Name()} dense @ sparse");
        ShouldMatch(Np.MatMul(sa, sb), Np.MatMul(a, b), $"{dtype.Name()} sparse @ sparse");
        ShouldMatch(Np.MatMul(sa, v), Np.MatMul(a, v), $"{dtype.Name()} sparse @ vector");
        ShouldMatch(Np.Dot(sa, b), Np.Dot(a, b), $"{dtype.Name()} dot");
        NDArray real = Np.Real(b);
        ShouldMatch(Np.MatMul(sa, real), Np.MatMul(a, real), $"{dtype.Name()} sparse @ real dense");
        ShouldMatch(Np.Kron(sa, OnSparse(Np.Real(a))), Np.Kron(a, Np.Real(a)), $"{dtype.Name()} kron");
    }

    [Theory, MemberData(nameof(Complex))]
    public void Transpose_conjugate_transpose_and_astype_match_Dense(DType dtype)
    {
        using TestHost host = Create();
        NDArray dense = Data(dtype, 3, 4, 12);
        foreach (string format in new[] { "csr", "csc", "coo" })
        {
            NDArray sparse = OnSparse(dense, format);
            ShouldMatch(Np.Transpose(sparse), Np.Transpose(dense), $"{dtype.Name()} {format} transpose");
            ShouldMatch(Np.Conj(Np.Transpose(sparse)), Np.Conj(Np.Transpose(dense)), $"{dtype.Name()} {format} conjugate transpose");
            foreach (DType to in ArrayDispatch.DTypes.All)
            {
                NDArray converted = Np.AsType(sparse, to);
                converted.ShouldBeAssignableTo<SparseArray>();
                ShouldMatch(converted, Np.AsType(dense, to), $"{dtype.Name()} {format} astype {to.Name()}");
            }
            ShouldMatch(Np.AsType(Np.AsType(Np.Real(sparse), DType.Float64), dtype), Np.AsType(Np.AsType(Np.Real(dense), DType.Float64), dtype), $"{dtype.Name()} {format} real to complex");
        }
        Should.Throw<DTypeMismatchException>(() => Np.AsType(OnSparse(dense), DType.Float64, Casting.SameKind)).Message.ShouldContain($"from dtype('{dtype.Name()}') to dtype('float64')");
    }

    [Theory, MemberData(nameof(Complex))]
    public void Max_min_argmax_and_argmin_order_lexicographically_as_Dense(DType dtype)
    {
        using TestHost host = Create();
        // Ties of the real part decided by the imaginary one, negative values against the implicit zeros, a NaN first.
        NDArray dense = Np.AsType(DenseOf(new System.Numerics.Complex[]
        {
            new(2, -1), 0, new(2, 3), new(-1, 5),
            0, new(0, -2), new(0, 2), 0,
            new(-3, 0), new(-3, -4), 0, new(1, 0),
        }, 3, 4), dtype);
        NDArray withNaN = Np.AsType(DenseOf(new System.Numerics.Complex[] { new(1, 0), 0, new(2, double.NaN), new(5, 0), 0, new(-1, 0) }, 2, 3), dtype);
        foreach (NDArray d in new[] { dense, withNaN })
        {
            foreach (string format in new[] { "csr", "csc", "coo" })
            {
                NDArray s = OnSparse(d, format);
                foreach (Axes axis in new[] { Axes.All, (Axes)0, (Axes)1 })
                {
                    ShouldMatch(Np.Max(s, axis), Np.Max(d, axis), $"max {dtype.Name()} {format} axis={axis}");
                    ShouldMatch(Np.Min(s, axis), Np.Min(d, axis), $"min {dtype.Name()} {format} axis={axis}");
                }
                foreach (int? axis in new int?[] { null, 0, 1 })
                {
                    Np.AsArray(Np.Argmax(s, axis), backend: "Dense").ToArray<long>().ShouldBe(Np.Argmax(d, axis).ToArray<long>(), $"argmax {format} axis={axis}");
                    Np.AsArray(Np.Argmin(s, axis), backend: "Dense").ToArray<long>().ShouldBe(Np.Argmin(d, axis).ToArray<long>(), $"argmin {format} axis={axis}");
                }
            }
        }
    }

    [Fact]
    public void The_solvers_decline_complex_naming_the_dtype()
    {
        using TestHost host = Create();
        NDArray s = OnSparse(Data(DType.Complex128, 3, 3, 13));
        NDArray rhs = DenseOf(new double[] { 1, 2, 3 });
        foreach (string solver in new[] { "sparse.linalg.spsolve", "sparse.linalg.cg" })
        {
            // Declared up front: the dispatcher refuses the call before the solver runs, naming the dtype and why.
            string message = Should.Throw<NoImplementationException>(() => Np.Call(solver, [s, rhs])).Message;
            message.ShouldContain("does not take complex128 (it declares all but complex64, complex128): the sparse solvers compute in float64");
            message.ShouldContain(solver);
        }
        host.Dispatcher.SupportOf("Sparse", ArrayDispatch.Sparse.SparseLinalg.SvdsFunction)!.DTypes.ShouldBe(DTypeSet.Real);
    }

    [Fact]
    public void Sparse_random_and_eye_make_complex_arrays_as_SciPy()
    {
        using TestHost host = Create();
        SparseArray r = SparseArrays.Random(10, 10, 0.3, seed: 1, dtype: DType.Complex64);
        r.DType.ShouldBe(DType.Complex64);
        r.Nnz.ShouldBe(30);
        r.Values<Complex64>().ToArray().ShouldAllBe(v => v.Imaginary == 0 && v.Real >= 0 && v.Real < 1);
        SparseArray eye = SparseArrays.Eye(3, 3, dtype: DType.Complex128);
        Np.AsArray(eye, backend: "Dense").ToArray<System.Numerics.Complex>().ShouldBe(Np.Eye(3, dtype: DType.Complex128, backend: "Dense").ToArray<System.Numerics.Complex>());
    }
}
