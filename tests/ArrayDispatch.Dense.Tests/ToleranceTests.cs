using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>isclose, allclose, array_equal and array_equiv (composed in the protocol: Np.Tolerance.cs); NumPy 1.24's answers per line.</summary>
public sealed class ToleranceTests
{
    private const double Inf = double.PositiveInfinity, NaN = double.NaN;

    [Fact]
    public void IsClose_treats_infinities_and_NaN_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Array(new double[] { 1e10, 1e-7, 1.0, Inf, -Inf, NaN, NaN, 1.0, 0.0 });
        NDArray b = Np.Array(new double[] { 1.00001e10, 1e-8, 1.0 + 1e-5, Inf, Inf, NaN, 1.0, NaN, 1e-9 });
        Np.IsClose(a, b).ToArray<bool>().ShouldBe([true, false, true, true, false, false, false, false, true]);
        Np.IsClose(a, b, equalNan: true).ToArray<bool>().ShouldBe([true, false, true, true, false, true, false, false, true]);
        Np.IsClose(Np.Array(new double[] { 1e-8, 1e-7 }), 0.0).ToArray<bool>().ShouldBe([true, false]);     // np.isclose([1e-8, 1e-7], [0.0, 0.0])
        Np.IsClose(Np.Array(new long[] { 100L, 200L }), Np.Array(new long[] { 101L, 200L }), rtol: 0.01).ToArray<bool>().ShouldBe([true, true]);
        Np.IsClose(Np.Array(new double[] { 1.0, 2.0 }), 1e-9 + 1.0).ToArray<bool>().ShouldBe([true, false]);
        Np.IsClose(3, Np.Array(new double[] { 3.0, 3.1 })).ToArray<bool>().ShouldBe([true, false]);
        Np.IsClose(Np.Array(new double[] { 1.0 }), Np.Array(new double[] { 1.0 + 1e-6 })).Shape.ShouldBe(new Shape(1));
    }

    [Fact]
    public void IsClose_of_integers_compares_as_float64_so_the_difference_cannot_wrap()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray i = Np.Array(new long[] { 1L << 62, -(1L << 62) });
        Np.IsClose(i, Np.Negative(i)).ToArray<bool>().ShouldBe([false, false]);               // int64 - int64 would wrap to 0
        NDArray u = Np.AsType(Np.Array(new long[] { 0L, 255L }), DType.UInt8), v = Np.AsType(Np.Array(new long[] { 255L, 0L }), DType.UInt8);
        Np.IsClose(u, v).ToArray<bool>().ShouldBe([false, false]);                            // uint8 0 - 255 would wrap to 1
    }

    [Fact]
    public void IsClose_keeps_float32_arithmetic_for_float32_arrays()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray y = Np.AsType(Np.Array(new double[] { 1.00001 }), DType.Float32);
        Np.IsClose(Np.AsType(Np.Array(new double[] { 1.0 }), DType.Float32), y).ToArray<bool>().ShouldBe([false]);   // float32 |1 - 1.00001| > tol
        Np.IsClose(Np.AsType(Np.Array(new double[] { 1.0000001 }), DType.Float32), 1.0).ToArray<bool>().ShouldBe([true]);
    }

    [Fact]
    public void AllClose_ArrayEqual_and_ArrayEquiv_answer_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.AllClose(Np.Array(new double[] { 1.0, 2, 3 }), Np.Array(new double[] { 1.0, 2, 3.0000001 })).ShouldBeTrue();
        Np.AllClose(Np.Array(new double[] { 1.0, NaN }), Np.Array(new double[] { 1.0, NaN })).ShouldBeFalse();
        Np.AllClose(Np.Array(new double[] { 1.0, NaN }), Np.Array(new double[] { 1.0, NaN }), equalNan: true).ShouldBeTrue();
        Should.Throw<ShapeMismatchException>(() => Np.AllClose(Np.Ones(2), Np.Ones(3)));   // NumPy: ValueError, shapes (2,) (3,)

        Np.ArrayEqual(Np.Array(new long[] { 1L, 2 }), Np.Array(new long[] { 1L, 2 })).ShouldBeTrue();
        Np.ArrayEqual(Np.Array(new long[] { 1L, 2 }), Np.Array(new long[] { 1L, 2, 3 })).ShouldBeFalse();                // different shapes: False, no error
        Np.ArrayEqual(Np.Array(new double[] { 1.0, NaN }), Np.Array(new double[] { 1.0, NaN })).ShouldBeFalse();
        Np.ArrayEqual(Np.Array(new double[] { 1.0, NaN }), Np.Array(new double[] { 1.0, NaN }), equalNan: true).ShouldBeTrue();
        Np.ArrayEqual(Np.Array(new double[] { NaN, 1.0 }), Np.Array(new double[] { 1.0, NaN }), equalNan: true).ShouldBeFalse();
        Np.ArrayEqual(Np.Array(new long[] { 1L, 2 }).Reshape(1, 2), Np.Array(new long[] { 1L, 2 })).ShouldBeFalse();
        Np.ArrayEqual(Np.Array(new long[] { 1L, 2 }), Np.Array(new double[] { 1.0, 2.0 })).ShouldBeTrue();                 // values compare across dtypes

        Np.ArrayEquiv(Np.Array(new long[] { 1L, 2 }), Np.Array(new long[] { 1L, 2, 1, 2 }).Reshape(2, 2)).ShouldBeTrue();
        Np.ArrayEquiv(Np.Array(new long[] { 1L, 2 }), Np.Array(new long[] { 1L, 2, 1, 3 }).Reshape(2, 2)).ShouldBeFalse();
        Np.ArrayEquiv(Np.Array(new long[] { 1L, 2 }), Np.Array(new long[] { 1L, 2, 3 })).ShouldBeFalse();                // not broadcastable: False
    }

    [Fact]
    public void IsClose_of_complex_values_uses_their_magnitudes()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Array(new System.Numerics.Complex[] { new System.Numerics.Complex(1, 1), new System.Numerics.Complex(1, 1) });
        NDArray b = Np.Array(new System.Numerics.Complex[] { new System.Numerics.Complex(1, 1.000001), new System.Numerics.Complex(1, 1.1) });
        Np.IsClose(a, b).ToArray<bool>().ShouldBe([true, false]);
    }
}
