using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

public sealed class ReductionTests
{
    private const int Rows = 7, Cols = 6;
    private static readonly double[] s_a = Values.RandomDense(Rows, Cols, 0.35, 11);

    private static double[] Column(int j) => Enumerable.Range(0, Rows).Select(i => s_a[i * Cols + j]).ToArray();

    private static double[] Row(int i) => s_a.Skip(i * Cols).Take(Cols).ToArray();

    private static double[] Along(int axis, Func<double[], double> f) =>
        axis == 0 ? Enumerable.Range(0, Cols).Select(j => f(Column(j))).ToArray() : Enumerable.Range(0, Rows).Select(i => f(Row(i))).ToArray();

    public static TheoryData<string> Formats => new() { "csr", "csc", "coo" };

    [Theory, MemberData(nameof(Formats))]
    public void NanMean_SkipsNaNs_CountingImplicitZeros_AsDense(string format)
    {
        // Sparse had no nanmean (the battery's only Sparse decline); a column of NaNs and zeros keeps its zeros in the
        // count, a column of NaNs only is NaN.
        using TestHost host = SparseHost.Create();
        double[] a = (double[])s_a.Clone();
        foreach (int i in new[] { 0, 7, 13, 22, 41 }) a[i] = double.NaN;
        for (int i = 0; i < Rows; i++) a[i * Cols + 4] = double.NaN;   // column 4: NaN only
        NDArray host64 = DenseOf(a, Rows, Cols);
        foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Complex128, DType.Complex64, DType.Int32, DType.Bool })
        {
            NDArray dense = dtype.IsInexact() ? Np.AsType(host64, dtype) : Np.AsType(Np.Where(Np.IsNaN(host64), 0.0, host64), dtype);
            NDArray s = Np.AsArray(dense, backend: "Sparse", format: format);
            foreach (Axes axis in new[] { Axes.All, 0, 1, -1 })
            {
                foreach (bool keepDims in new[] { false, true })
                {
                    string what = $"nanmean {dtype.Name()} {format} axis={axis} keepdims={keepDims}";
                    NDArray expected = Np.NanMean(dense, axis, keepDims);
                    NDArray actual = Np.AsArray(Np.NanMean(s, axis, keepDims), backend: "Dense");
                    actual.DType.ShouldBe(expected.DType, what);
                    actual.Shape.ShouldBe(expected.Shape, what);
                    System.Numerics.Complex[] e = Np.AsType(expected, DType.Complex128).ToArray<System.Numerics.Complex>();
                    System.Numerics.Complex[] g = Np.AsType(actual, DType.Complex128).ToArray<System.Numerics.Complex>();
                    g.Select(v => double.IsNaN(v.Real)).ShouldBe(e.Select(v => double.IsNaN(v.Real)), what + ": NaNs");
                    for (int i = 0; i < e.Length; i++)
                    {
                        if (double.IsNaN(e[i].Real)) continue;
                        System.Numerics.Complex.Abs(g[i] - e[i]).ShouldBeLessThanOrEqualTo(1e-5 * Math.Max(1, System.Numerics.Complex.Abs(e[i])), $"{what}[{i}]");
                    }
                }
            }
        }
    }

    [Theory, MemberData(nameof(Formats))]
    public void SumMeanMaxMinProd_EveryAxis_MatchDense(string format)
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(s_a, Rows, Cols), backend: "Sparse", format: format);
        Values.ShouldBeClose(Values.Of(Np.Sum(s)), [s_a.Sum()], 1e-12, "sum");
        foreach (int axis in new[] { 0, 1 })
        {
            Values.ShouldBeClose(Values.Of(Np.Sum(s, axis)), Along(axis, v => v.Sum()), 1e-12, $"sum axis {axis}");
            Values.ShouldBeClose(Values.Of(Np.Mean(s, axis)), Along(axis, v => v.Average()), 1e-12, $"mean axis {axis}");
            Values.Of(Np.Max(s, axis)).ShouldBe(Along(axis, v => v.Max()));
            Values.Of(Np.Min(s, axis)).ShouldBe(Along(axis, v => v.Min()));
            Values.ShouldBeClose(Values.Of(Np.Prod(s, axis)), Along(axis, v => v.Aggregate(1.0, (p, x) => p * x)), 1e-12, "prod");
            Values.Of(Np.CountNonzero(s, axis)).ShouldBe(Along(axis, v => v.Count(x => x != 0)));
            Values.Of(Np.Any(s, axis)).ShouldBe(Along(axis, v => v.Any(x => x != 0) ? 1 : 0));
            Values.Of(Np.All(s, axis)).ShouldBe(Along(axis, v => v.All(x => x != 0) ? 1 : 0));
            Values.Of(Np.Argmax(s, axis)).ShouldBe(Along(axis, v => Array.IndexOf(v, v.Max())));
            Values.Of(Np.Argmin(s, axis)).ShouldBe(Along(axis, v => Array.IndexOf(v, v.Min())));
            double[] variance = Along(axis, v => v.Select(x => (x - v.Average()) * (x - v.Average())).Average());
            Values.ShouldBeClose(Values.Of(Np.Var(s, axis)), variance, 1e-12, "var");
        }
        Values.Of(Np.Argmax(s)).ShouldBe([Array.IndexOf(s_a, s_a.Max())]);
    }

    [Fact]
    public void Sum_KeepDims_KeepsReducedAxis()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(s_a, Rows, Cols), backend: "Sparse");
        Np.Sum(s, 0, keepDims: true).Shape.ShouldBe(new Shape(1, Cols));
        Np.Sum(s, keepDims: true).Shape.ShouldBe(new Shape(1, 1));
    }

    [Fact]
    public void Sum_Int32_AccumulatesInInt64()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(new[] { int.MaxValue, 0, int.MaxValue, 1 }, 2, 2), backend: "Sparse");
        NDArray total = Np.Sum(s);
        total.DType.ShouldBe(DType.Int64);
        total.ToHost().ToContiguous<long>()[0].ShouldBe(2L * int.MaxValue + 1);
    }

    [Fact]
    public void Sum_AxisOutOfRange_IsNumPysAxisError()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(s_a, Rows, Cols), backend: "Sparse");
        Should.Throw<AxisOutOfRangeException>(() => Np.Sum(s, 2)).Message.ShouldBe("axis 2 is out of bounds for array of dimension 2");
    }

    [Fact]
    public void Max_AllNegativeRowWithImplicitZero_IsZero()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(new[] { -1.0, 0, -3 }, 1, 3), backend: "Sparse");
        Values.Of(Np.Max(s, 1)).ShouldBe([0]);
        Values.Of(Np.Argmax(s, 1)).ShouldBe([1]);
        Values.Of(Np.Argmin(s)).ShouldBe([2]);
    }
}
