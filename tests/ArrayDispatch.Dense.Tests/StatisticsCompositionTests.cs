using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// NumPy's statistics a ported data-analysis script calls (nanstd, median, percentile, cov, corrcoef, nan_to_num,
/// column_stack): the facade had none of them, so the script had to be rewritten around them. Expected values and
/// printed text are NumPy 1.24's for the same inputs.
/// </summary>
public sealed class StatisticsCompositionTests
{
    private static NDArray F32() => DenseArray.From(new float[] { 1, 5, 2, float.NaN, 3, 1, 4, 1 }).Reshape(2, 4);

    [Fact]
    public void Nanstd_and_nanvar_skip_nans_keep_float32_and_give_nan_without_degrees_of_freedom()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.nanstd(a32, axis=1) -> array([1.6996732, 1.299038 ], dtype=float32)
        Np.ArrayRepr(Np.NanStd(F32(), 1)).ShouldBe("array([1.6996732, 1.299038 ], dtype=float32)");
        // np.nanvar(a32, axis=0, ddof=1) -> array([ 2.,  8.,  2., nan], dtype=float32)
        Np.ArrayRepr(Np.NanVar(F32(), 0, ddof: 1)).ShouldBe("array([ 2.,  8.,  2., nan], dtype=float32)");
        // np.nanvar(np.array([1, 2, 3])) -> 0.6666666666666666 (integers: var)
        Np.NanVar(DenseArray.From(new long[] { 1, 2, 3 })).Item<double>().ShouldBe(2.0 / 3);
        Np.NanStd(F32(), 1, keepDims: true).Shape.ShouldBe(new Shape(2, 1));
    }

    [Fact]
    public void Median_and_percentile_interpolate_as_numpys_linear_method()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.ArrayRepr(Np.Median(F32(), 1)).ShouldBe("array([nan,  2.], dtype=float32)");                // a NaN in the slice gives NaN
        Np.Median(DenseArray.From(new long[] { 3, 1, 2, 4 })).Item<double>().ShouldBe(2.5);
        Np.ArrayRepr(Np.Median(DenseArray.From(new long[] { 1, 2, 3, 4 }).Reshape(2, 2), 0, keepDims: true)).ShouldBe("array([[2., 3.]])");
        Np.ArrayRepr(Np.Percentile(DenseArray.From(new[] { 10.0, 7, 4, 3, 2, 1 }).Reshape(2, 3), 50, 1)).ShouldBe("array([7., 2.])");
        Np.Percentile(DenseArray.From(new[] { 1.0, 2, 3, 4 }), 25).Item<double>().ShouldBe(1.75);
        Np.Percentile(DenseArray.From(new[] { 1.0, 2, 3, 4 }), 75).Item<double>().ShouldBe(3.25);
        Np.Quantile(Np.Arange(10L), 0.33).Item<double>().ShouldBe(2.97, 1e-15);                     // np.quantile(np.arange(10), 0.33)
        Np.Percentile(F32()[1], 30).Item<float>().ShouldBe(1f);
        double.IsNaN(Np.Median(DenseArray.From(System.Array.Empty<double>())).Item<double>()).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Np.Percentile(F32(), 101)).Message.ShouldStartWith("Percentiles must be in the range [0, 100]");
    }

    [Fact]
    public void Cov_and_corrcoef_are_numpys_for_rows_columns_and_one_variable()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new long[] { 0, 1, 2, 2, 1, 0 }).Reshape(2, 3);                    // np.array([[0,2],[1,1],[2,0]]).T
        Np.ArrayRepr(Np.Cov(x)).ShouldBe("array([[ 1., -1.],\n       [-1.,  1.]])");
        Np.ArrayRepr(Np.Corrcoef(x)).ShouldBe("array([[ 1., -1.],\n       [-1.,  1.]])");
        Np.ArrayRepr(Np.Cov(x, ddof: 0)).ShouldBe("array([[ 0.66666667, -0.66666667],\n       [-0.66666667,  0.66666667]])");
        Np.ArrayRepr(Np.Cov(DenseArray.From(new[] { 1.0, 2, 4 }))).ShouldBe("array(2.33333333)");
        Np.ArrayRepr(Np.Cov(DenseArray.From(new long[] { 1, 2, 3, 2, 4, 7 }).Reshape(2, 3), rowvar: false))
            .ShouldBe("array([[0.5, 1. , 2. ],\n       [1. , 2. , 4. ],\n       [2. , 4. , 8. ]])");
        Np.Cov(x.AsType(DType.Float32)).DType.ShouldBe(DType.Float64);
    }

    [Fact]
    public void Nan_to_num_and_column_stack_are_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray special = DenseArray.From(new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1f });
        Np.ArrayRepr(Np.NanToNum(special)).ShouldBe("array([ 0.0000000e+00,  3.4028235e+38, -3.4028235e+38,  1.0000000e+00],\n      dtype=float32)");
        Np.NanToNum(special, nan: -1, posinf: 9).ToArray<float>().ShouldBe([-1f, 9f, -float.MaxValue, 1f]);
        Np.ArrayRepr(Np.NanToNum(DenseArray.From(new[] { new System.Numerics.Complex(double.NaN, double.PositiveInfinity) })))
            .ShouldBe("array([0.+1.79769313e+308j])");
        Np.ArrayRepr(Np.ColumnStack(DenseArray.From(new long[] { 1, 2 }), DenseArray.From(new long[] { 3, 4, 5, 6 }).Reshape(2, 2)))
            .ShouldBe("array([[1, 3, 4],\n       [2, 5, 6]])");
    }
}
