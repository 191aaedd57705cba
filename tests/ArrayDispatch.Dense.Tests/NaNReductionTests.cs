using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// NumPy's NaN-ignoring reductions and the reductions NumPy defines from others (nanmax … nanquantile, ptp, average,
/// amax, amin: Np.NaNReductions.cs, Np.NumericReductions.cs), composed in the protocol. Values and messages are NumPy
/// 1.24's for the same inputs; the fixture manifest holds the dtype and axis sweep.
/// </summary>
public sealed class NaNReductionTests
{
    private static readonly string[] s_functions =
        ["nanmax", "nanmin", "nanargmax", "nanargmin", "nanprod", "nancumsum", "nancumprod", "nanmedian", "nanquantile", "nanpercentile", "amax", "amin", "ptp", "average"];

    private static NDArray Rows() => DenseArray.From(new[] { 1.0, double.NaN, 3.0, double.NaN, double.NaN, double.NaN }).Reshape(2, 3);

    [Fact]
    public void Every_fixture_case_of_the_compositions_runs_on_Dense_and_none_is_skipped()
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        using var host = TestHost.Create(new DensePlugin());
        var runner = new FixtureRunner(host.Dispatcher, "Dense");
        FixtureCase[] cases = manifest.Cases.Where(c => s_functions.Contains(c.Function)).ToArray();
        cases.Length.ShouldBeGreaterThan(400);
        string[] notPassed = cases.Select(c => runner.Run(manifest, c)).Where(r => r.Outcome != FixtureOutcome.Passed).Select(r => r.ToString()).ToArray();
        notPassed.ShouldBeEmpty();
    }

    [Fact]
    public void Nanmax_skips_nan_and_gives_nan_for_an_all_nan_slice()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.ArrayRepr(Np.NanMax(Rows(), 1)).ShouldBe("array([ 3., nan])");                       // np.nanmax(a, axis=1)
        Np.ArrayRepr(Np.NanMin(Rows(), 0)).ShouldBe("array([ 1., nan,  3.])");
        Np.NanMax(Rows()).Item<double>().ShouldBe(3.0);
        Np.NanMax(DenseArray.From(new[] { double.NaN, double.NegativeInfinity })).Item<double>().ShouldBe(double.NegativeInfinity);
    }

    [Fact]
    public void Nanmax_of_an_empty_axis_names_fmax_as_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.NanMax(Np.Zeros(new Shape(0, 3)), 0)).Message
            .ShouldStartWith("zero-size array to reduction operation fmax which has no identity");
        Should.Throw<ArgumentException>(() => Np.NanMin(Np.Zeros(new Shape(0, 3)))).Message
            .ShouldStartWith("zero-size array to reduction operation fmin which has no identity");
        Np.NanMax(Np.Zeros(new Shape(0, 3)), 1).Shape.ShouldBe(new Shape(0));                   // an empty result is no error
    }

    [Fact]
    public void Nanargmax_refuses_an_all_nan_slice_with_numpys_message()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.NanArgmax(Rows(), 1)).Message.ShouldStartWith("All-NaN slice encountered");
        Should.Throw<ArgumentException>(() => Np.NanArgmin(Np.Zeros(new Shape(0, 3)), 0)).Message.ShouldStartWith("All-NaN slice encountered");
        Np.NanArgmax(Rows()).Item<long>().ShouldBe(2);                 // np.nanargmax(a) -> 2
        Np.NanArgmin(Rows()).Item<long>().ShouldBe(0);
    }

    [Fact]
    public void Nanmedian_and_nanquantile_count_each_slices_own_values()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new float[] { 4, float.NaN, 1, 2, 9, 7, float.NaN, 3 }).Reshape(2, 4);
        Np.ArrayRepr(Np.NanMedian(a, 1)).ShouldBe("array([2., 7.], dtype=float32)");             // np.nanmedian(a, axis=1)
        Np.ArrayRepr(Np.NanQuantile(a.AsType(DType.Float64), 0.3, 1)).ShouldBe("array([1.6, 5.4])");
        Np.ArrayRepr(Np.NanPercentile(Rows(), 25, 1, keepDims: true)).ShouldBe("array([[1.5],\n       [nan]])");
        Np.NanMedian(DenseArray.From(new long[] { 1, 2, 3, 4 })).Item<double>().ShouldBe(2.5);
        Should.Throw<ArgumentException>(() => Np.NanPercentile(a, 101)).Message.ShouldStartWith("Percentiles must be in the range [0, 100]");
    }

    [Fact]
    public void Nanprod_and_nancumsum_count_nan_as_the_identity()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.ArrayRepr(Np.NanProd(Rows(), 1)).ShouldBe("array([3., 1.])");
        Np.ArrayRepr(Np.NanCumsum(Rows(), 1)).ShouldBe("array([[1., 1., 4.],\n       [0., 0., 0.]])");
        Np.ArrayRepr(Np.NanCumprod(Rows())).ShouldBe("array([1., 1., 3., 3., 3., 3.])");
    }

    [Fact]
    public void Ptp_wraps_integers_as_numpy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.Ptp(DenseArray.From(new sbyte[] { -128, 127 })).Item<sbyte>().ShouldBe((sbyte)-1);     // np.ptp(np.array([-128, 127], np.int8))
        Np.ArrayRepr(Np.Ptp(DenseArray.From(new[] { 1.0, 5, 2, 8 }).Reshape(2, 2), 1)).ShouldBe("array([4., 6.])");
    }

    [Fact]
    public void Average_weighs_along_an_axis_and_returns_the_sum_of_weights()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(6L).Reshape(2, 3);
        (NDArray avg, NDArray scl) = Np.AverageReturned(a, 1, DenseArray.From(new long[] { 1, 2, 3 }));
        Np.ArrayRepr(avg).ShouldBe("array([1.33333333, 4.33333333])");                          // np.average(a, axis=1, weights=[1, 2, 3], returned=True)
        Np.ArrayRepr(scl).ShouldBe("array([6., 6.])");
        (avg, scl) = Np.AverageReturned(a.AsType(DType.Float32));
        avg.Item<float>().ShouldBe(2.5f);
        scl.Item<float>().ShouldBe(6f);
        Np.Average(a).Item<double>().ShouldBe(2.5);
    }

    [Fact]
    public void Average_refuses_weights_as_numpy_with_its_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray ones = Np.Ones(new Shape(2, 3));
        Should.Throw<DivideByZeroException>(() => Np.Average(Np.Ones(new Shape(3)), weights: DenseArray.From(new[] { 1.0, -1, 0 })))
            .Message.ShouldBe("Weights sum to zero, can't be normalized");
        Should.Throw<DTypeMismatchException>(() => Np.Average(ones, weights: Np.Ones(new Shape(3)))).Message
            .ShouldBe("Axis must be specified when shapes of a and weights differ.");
        Should.Throw<DTypeMismatchException>(() => Np.Average(ones, 1, Np.Ones(new Shape(1, 3)))).Message
            .ShouldBe("1D weights expected when shapes of a and weights differ.");
        Should.Throw<ArgumentException>(() => Np.Average(ones, 0, Np.Ones(new Shape(3)))).Message
            .ShouldStartWith("Length of weights not compatible with specified axis.");
    }
}
