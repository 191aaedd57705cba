using ArrayDispatch.Dense;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>isclose, allclose, array_equal (composed in the protocol) on Gpu arrays give Dense's answers.</summary>
public sealed class ToleranceTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    [Fact]
    public void IsClose_AllClose_and_ArrayEqual_of_Gpu_arrays_match_Dense()
    {
        double[] a = [1e10, 1e-7, 1.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NaN, 1.0, 0.0];
        double[] b = [1.00001e10, 1e-8, 1.0 + 1e-5, double.PositiveInfinity, double.PositiveInfinity, double.NaN, 1.0, double.NaN, 1e-9];
        NDArray da = Np.Array(a), db = Np.Array(b);
        NDArray ga = Np.Array(a, backend: "Gpu"), gb = Np.Array(b, backend: "Gpu");
        foreach (bool equalNan in new[] { false, true })
        {
            Np.IsClose(ga, gb, equalNan: equalNan).ToArray<bool>().ShouldBe(Np.IsClose(da, db, equalNan: equalNan).ToArray<bool>());
        }
        Np.AllClose(ga, ga, equalNan: true).ShouldBeTrue();
        Np.AllClose(ga, gb).ShouldBeFalse();
        Np.ArrayEqual(ga, Np.Array(a, backend: "Gpu"), equalNan: true).ShouldBeTrue();
        Np.ArrayEquiv(Np.Array(new long[] { 1, 2 }, backend: "Gpu"), Np.Array(new long[] { 1, 2, 1, 2 }, backend: "Gpu").Reshape(2, 2)).ShouldBeTrue();
    }
}
