using ArrayDispatch.Dense.Functions;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Dense.Tests.Linalg.MatrixTestUtil;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>The linalg.* handlers through Np: stacks, dtypes, argument forms and NumPy's errors.</summary>
public sealed class DenseLinalgTests
{
    private static double[] Values(NDArray x) => ((DenseArray)x).ContiguousSpan<double>().ToArray();

    private static long[] Ranks(NDArray x) => ((DenseArray)x).ContiguousSpan<long>().ToArray();

    private static float[] FloatValues(NDArray x) => ((DenseArray)x).ContiguousSpan<float>().ToArray();

    private static DenseArray Matrix(int seed, params int[] shape)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        return DenseArray.From(Random(new Random(seed), 1, size), shape);
    }

    [Fact]
    public void Svd_of_a_stack_gives_per_matrix_factors_with_numpy_shapes()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray a = Matrix(1, 2, 3, 5, 4);
        var (u, s, vh) = Np.Linalg.Svd(a);
        u!.Shape.ShouldBe(new Shape(2, 3, 5, 5));
        s.Shape.ShouldBe(new Shape(2, 3, 4));
        vh!.Shape.ShouldBe(new Shape(2, 3, 4, 4));
        var reduced = Np.Linalg.Svd(a, fullMatrices: false);
        reduced.U!.Shape.ShouldBe(new Shape(2, 3, 5, 4));
        double[] av = Values(a), uv = Values(reduced.U), sv = Values(reduced.S), vv = Values(reduced.Vh!);
        for (int b = 0; b < 6; b++)
        {
            var us = new double[20];
            for (int i = 0; i < 5; i++) for (int j = 0; j < 4; j++) us[i * 4 + j] = uv[b * 20 + i * 4 + j] * sv[b * 4 + j];
            RelErr(MatMul(us, 5, 4, vv.AsSpan(b * 16, 16).ToArray(), 4), av.AsSpan(b * 20, 20)).ShouldBeLessThan(1e-12);
        }
        var valuesOnly = Np.Linalg.Svd(a, computeUV: false);
        valuesOnly.U.ShouldBeNull();
        RelErr(Values(valuesOnly.S), sv).ShouldBeLessThan(1e-12);
        RelErr(Values(Np.Linalg.SvdVals(a)), sv).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Integer_input_computes_in_float64_and_float32_stays_float32()
    {
        using var host = TestHost.Create(new DensePlugin());
        var ints = DenseArray.From(new long[] { 4, 2, 2, 3 }, 2, 2);
        NDArray inv = Np.Linalg.Inv(ints);
        inv.DType.ShouldBe(DType.Float64);
        RelErr(Values(inv), [0.375, -0.25, -0.25, 0.5]).ShouldBeLessThan(1e-15);
        var f32 = DenseArray.From(new float[] { 4, 2, 2, 3 }, 2, 2);
        NDArray l = Np.Linalg.Cholesky(f32);
        l.DType.ShouldBe(DType.Float32);
        FloatValues(l)[0].ShouldBe(2f);
        Np.Linalg.Det(f32).DType.ShouldBe(DType.Float32);
        Np.Linalg.Solve(f32, DenseArray.From(new double[] { 1, 1 })).DType.ShouldBe(DType.Float64);
    }

    [Fact]
    public void Solve_takes_vectors_matrices_and_broadcasts_the_batch()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] a0 = [3, 1, 1, 2];
        var a = DenseArray.From(a0, 2, 2);
        Values(Np.Linalg.Solve(a, DenseArray.From(new double[] { 9, 8 }))).ShouldBe([2.0, 3.0], 1e-14);
        NDArray xm = Np.Linalg.Solve(a, DenseArray.From(new double[] { 9, 3, 8, 2 }, 2, 2));
        xm.Shape.ShouldBe(new Shape(2, 2));
        Values(xm).ShouldBe([2.0, 0.8, 3.0, 0.6], 1e-14);
        // A stack of three systems with one vector each: b.ndim == a.ndim - 1 makes b a stack of vectors.
        var stackA = DenseArray.From(a0.Concat(a0).Concat(a0).ToArray(), 3, 2, 2);
        NDArray xs = Np.Linalg.Solve(stackA, DenseArray.From(new double[] { 9, 8, 9, 8, 9, 8 }, 3, 2));
        xs.Shape.ShouldBe(new Shape(3, 2));
        Values(xs).ShouldBe([2.0, 3.0, 2.0, 3.0, 2.0, 3.0], 1e-14);
        // One matrix against a stack of two (2, 1) right-hand sides: the batch broadcasts.
        NDArray xb = Np.Linalg.Solve(a, DenseArray.From(new double[] { 9, 8, 9, 8 }, 2, 2, 1));
        xb.Shape.ShouldBe(new Shape(2, 2, 1));
        Should.Throw<ShapeMismatchException>(() => Np.Linalg.Solve(a, DenseArray.From(new double[] { 1, 2, 3 })))
            .Message.ShouldContain("mismatch in its core dimension 0");
    }

    [Fact]
    public void Errors_follow_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(DenseArray.From(new double[] { 1, 2, 3 })))
            .Message.ShouldBe("1-dimensional array given. Array must be at least two-dimensional");
        Should.Throw<LinAlgException>(() => Np.Linalg.Det(Matrix(2, 2, 3)))
            .Message.ShouldBe("Last 2 dimensions of the array must be square");
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(DenseArray.From(new double[] { 1, 2, 2, 4 }, 2, 2))).Message.ShouldBe("Singular matrix");
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(DenseArray.From(new double[] { 1, 2, 2, 1 }, 2, 2)))
            .Message.ShouldBe("Matrix is not positive definite");
        Should.Throw<LinAlgException>(() => Np.Linalg.Lstsq(Matrix(3, 2, 2, 2), DenseArray.From(new double[] { 1, 2 })))
            .Message.ShouldBe("3-dimensional array given. Array must be two-dimensional");
        Should.Throw<LinAlgException>(() => Np.Linalg.Lstsq(Matrix(3, 3, 2), DenseArray.From(new double[] { 1, 2 })))
            .Message.ShouldBe("Incompatible dimensions");
    }

    [Fact]
    public void Foreign_array_types_never_reach_Dense_handlers_the_dispatcher_applies_NEP_18()
    {
        using var host = TestHost.Create(new DensePlugin());
        foreach (ArrayFunction f in new ArrayFunction[] { ArrayFunctions.Inv, ArrayFunctions.Svd, ArrayFunctions.Solve, ArrayFunctions.Norm })
        {
            DispatchPlan plan = host.Dispatcher.Explain(f, [typeof(DenseArray), typeof(NDArray)]);
            plan.Candidates.ShouldBeEmpty();
            plan.Excluded.ShouldContain(d => d.Backend == "Dense" && d.Reason == "handles only its own array types (OnlyOwnArrayTypes), not NDArray");
        }
        host.Dispatcher.Explain(ArrayFunctions.Inv, [typeof(DenseArray)]).Candidates.ShouldHaveSingleItem().Backend.ShouldBe("Dense");
    }

    [Fact]
    public void Qr_modes_give_numpy_shapes()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray a = Matrix(4, 6, 4);
        var reduced = Np.Linalg.Qr(a);
        reduced.Q!.Shape.ShouldBe(new Shape(6, 4));
        reduced.R.Shape.ShouldBe(new Shape(4, 4));
        var complete = Np.Linalg.Qr(a, QrMode.Complete);
        complete.Q!.Shape.ShouldBe(new Shape(6, 6));
        complete.R.Shape.ShouldBe(new Shape(6, 4));
        var r = Np.Linalg.Qr(a, QrMode.R);
        r.Q.ShouldBeNull();
        r.R.Shape.ShouldBe(new Shape(4, 4));
        RelErr(Values(MatMulOf(reduced.Q, 6, 4, reduced.R, 4)), Values(a)).ShouldBeLessThan(1e-12);
    }

    private static DenseArray MatMulOf(NDArray a, int m, int k, NDArray b, int n) => DenseArray.From(MatMul(Values(a), m, k, Values(b), n), m, n);

    [Fact]
    public void Det_slogdet_eigh_and_eigvalsh_work_on_stacks()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = DenseArray.From(new double[] { 2, 0, 0, 3, 0, 1, 1, 0 }, 2, 2, 2);
        Values(Np.Linalg.Det(a)).ShouldBe([6.0, -1.0], 1e-14);
        var (sign, log) = Np.Linalg.Slogdet(a);
        Values(sign).ShouldBe([1.0, -1.0]);
        Values(log).ShouldBe([Math.Log(6), 0.0], 1e-14);
        var (w, v) = Np.Linalg.Eigh(a);
        w.Shape.ShouldBe(new Shape(2, 2));
        v.Shape.ShouldBe(new Shape(2, 2, 2));
        Values(w).ShouldBe([2.0, 3.0, -1.0, 1.0], 1e-14);
        Values(Np.Linalg.Eigvalsh(a)).ShouldBe([2.0, 3.0, -1.0, 1.0], 1e-14);
        Values(Np.Linalg.Det(DenseArray.From(Array.Empty<double>(), 0, 0))).ShouldBe([1.0]);
    }

    [Fact]
    public void Lstsq_reports_residuals_rank_and_singular_values()
    {
        using var host = TestHost.Create(new DensePlugin());
        // Fit y = 1 + 2x through noisy points.
        var a = DenseArray.From(new double[] { 1, 0, 1, 1, 1, 2, 1, 3 }, 4, 2);
        var b = DenseArray.From(new double[] { 1.1, 2.9, 5.1, 6.9 });
        var r = Np.Linalg.Lstsq(a, b);
        Values(r.Solution).ShouldBe([1.06, 1.96], 1e-12);
        r.Rank.ShouldBe(2);
        r.Residuals.Shape.ShouldBe(new Shape(1));
        Values(r.Residuals)[0].ShouldBe(0.032, 1e-12);   // residuals 0.04, -0.12, 0.12, -0.04
        r.SingularValues.Shape.ShouldBe(new Shape(2));
        var deficient = Np.Linalg.Lstsq(DenseArray.From(new double[] { 1, 1, 1, 1 }, 2, 2), DenseArray.From(new double[] { 2, 2 }));
        deficient.Rank.ShouldBe(1);
        deficient.Residuals.Shape.ShouldBe(new Shape(0));
        Values(deficient.Solution).ShouldBe([1.0, 1.0], 1e-12);
    }

    [Fact]
    public void Pinv_and_matrix_rank_handle_rank_deficient_matrices()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] low = MatMul(Random(new Random(9), 5, 2), 5, 2, Random(new Random(10), 2, 3), 3);
        var a = DenseArray.From(low, 5, 3);
        Ranks(Np.Linalg.MatrixRank(a)).ShouldBe([2L]);
        Np.Linalg.MatrixRank(a).DType.ShouldBe(DType.Int64);
        NDArray p = Np.Linalg.Pinv(a);
        p.Shape.ShouldBe(new Shape(3, 5));
        // A · pinv(A) · A = A
        RelErr(MatMul(MatMul(low, 5, 3, Values(p), 5), 5, 5, low, 3), low).ShouldBeLessThan(1e-12);
        Ranks(Np.Linalg.MatrixRank(DenseArray.From(new double[] { 0, 0 }))).ShouldBe([0L]);
        Ranks(Np.Linalg.MatrixRank(DenseArray.From(new double[] { 0, 3 }))).ShouldBe([1L]);
        Ranks(Np.Linalg.MatrixRank(DenseArray.From(new double[] { 1, 0, 0, 1e-20 }, 2, 2))).ShouldBe([1L]);
        Ranks(Np.Linalg.MatrixRank(DenseArray.From(new double[] { 1, 0, 0, 1e-20 }, 2, 2), tol: 1e-30)).ShouldBe([2L]);
    }

    [Fact]
    public void Norm_covers_vector_and_matrix_orders_axes_and_keepdims()
    {
        using var host = TestHost.Create(new DensePlugin());
        var v = DenseArray.From(new double[] { 3, -4, 0 });
        Values(Np.Linalg.Norm(v)).ShouldBe([5.0]);
        Values(Np.Linalg.Norm(v, 1)).ShouldBe([7.0]);
        Values(Np.Linalg.Norm(v, double.PositiveInfinity)).ShouldBe([4.0]);
        Values(Np.Linalg.Norm(v, double.NegativeInfinity)).ShouldBe([0.0]);
        Values(Np.Linalg.Norm(v, 0)).ShouldBe([2.0]);
        Values(Np.Linalg.Norm(v, 3)).ShouldBe([Math.Cbrt(91)], 1e-14);
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(v, "fro")).Message.ShouldStartWith("Invalid norm order 'fro' for vectors");

        var m = DenseArray.From(new double[] { 1, -2, 3, 4 }, 2, 2);
        Values(Np.Linalg.Norm(m)).ShouldBe([Math.Sqrt(30)], 1e-14);
        Values(Np.Linalg.Norm(m, "fro")).ShouldBe([Math.Sqrt(30)], 1e-14);
        Values(Np.Linalg.Norm(m, 1)).ShouldBe([6.0]);
        Values(Np.Linalg.Norm(m, -1)).ShouldBe([4.0]);
        Values(Np.Linalg.Norm(m, double.PositiveInfinity)).ShouldBe([7.0]);
        Values(Np.Linalg.Norm(m, double.NegativeInfinity)).ShouldBe([3.0]);
        var s = Values(Np.Linalg.SvdVals(m));
        Values(Np.Linalg.Norm(m, 2)).ShouldBe([s[0]], 1e-14);
        Values(Np.Linalg.Norm(m, -2)).ShouldBe([s[1]], 1e-14);
        Values(Np.Linalg.Norm(m, "nuc")).ShouldBe([s[0] + s[1]], 1e-14);
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(m, 3)).Message.ShouldStartWith("Invalid norm order for matrices.");

        // axis: per row / per column; keepdims; a stack of matrices with a pair of axes.
        Values(Np.Linalg.Norm(m, axis: 1)).ShouldBe([Math.Sqrt(5), 5.0], 1e-14);
        Values(Np.Linalg.Norm(m, 1, axis: 0)).ShouldBe([4.0, 6.0]);
        Np.Linalg.Norm(m, axis: 0, keepDims: true).Shape.ShouldBe(new Shape(1, 2));
        Np.Linalg.Norm(m, keepDims: true).Shape.ShouldBe(new Shape(1, 1));
        var stack = DenseArray.From(new double[] { 1, -2, 3, 4, 1, 0, 0, 1 }, 2, 2, 2);
        Values(Np.Linalg.Norm(stack, 1, axis: new[] { 1, 2 })).ShouldBe([6.0, 1.0]);
        Values(Np.Linalg.Norm(stack, double.PositiveInfinity, axis: new[] { 2, 1 })).ShouldBe([6.0, 1.0]);
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(stack, 1)).Message.ShouldStartWith("Improper number of dimensions to norm.");
        Np.Linalg.Norm(DenseArray.From(new float[] { 3, 4 })).DType.ShouldBe(DType.Float32);
        Values(Np.Linalg.Norm(DenseArray.From(new long[] { 3, 4 }))).ShouldBe([5.0]);
    }

    [Fact]
    public void Strided_views_are_read_in_logical_order()
    {
        using var host = TestHost.Create(new DensePlugin());
        var a = DenseArray.From(new double[] { 3, 1, 0, 2 }, 2, 2);
        NDArray t = Np.Transpose(a);
        ((DenseArray)t).IsCContiguous.ShouldBeFalse();
        // inv([[3, 0], [1, 2]]) = [[1/3, 0], [-1/6, 1/2]]
        Values(Np.Linalg.Inv(t)).ShouldBe([1.0 / 3, 0.0, -1.0 / 6, 0.5], 1e-15);
        Values(Np.Linalg.Norm(t, 1)).ShouldBe([4.0]);   // column sums of [[3, 0], [1, 2]]: 4, 2
    }
}
