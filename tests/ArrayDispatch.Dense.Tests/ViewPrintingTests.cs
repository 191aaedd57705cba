using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Np.ArrayRepr/ArrayStr of Dense views (transposed, reversed, stepped, broadcast, native-memory), which the printing
/// fixtures (contiguous host buffers) do not reach: the text is NumPy 1.24's for the same view.
/// </summary>
public sealed class ViewPrintingTests
{
    [Fact]
    public void A_transposed_3d_view_prints_as_numpy_prints_it()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.ArrayRepr(Np.Transpose(Np.Arange(24L).Reshape(2, 3, 4))).ShouldBe(
            "array([[[ 0, 12],\n        [ 4, 16],\n        [ 8, 20]],\n\n       [[ 1, 13],\n        [ 5, 17],\n        [ 9, 21]],\n\n" +
            "       [[ 2, 14],\n        [ 6, 18],\n        [10, 22]],\n\n       [[ 3, 15],\n        [ 7, 19],\n        [11, 23]]])");
    }

    [Fact]
    public void A_reversed_stepped_view_of_a_native_memory_array_is_summarised_as_numpy_does()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.arange(300000.).reshape(600, 500)[::-1, ::7]: 2.4 MB, so Dense keeps it in native memory.
        NDArray b = Np.Arange(300000.0).Reshape(600, 500)[new Slice(Step: -1), new Slice(Step: 7)];
        Np.ArrayRepr(b).ShouldBe(
            "array([[2.99500e+05, 2.99507e+05, 2.99514e+05, ..., 2.99983e+05,\n        2.99990e+05, 2.99997e+05],\n" +
            "       [2.99000e+05, 2.99007e+05, 2.99014e+05, ..., 2.99483e+05,\n        2.99490e+05, 2.99497e+05],\n" +
            "       [2.98500e+05, 2.98507e+05, 2.98514e+05, ..., 2.98983e+05,\n        2.98990e+05, 2.98997e+05],\n" +
            "       ...,\n" +
            "       [1.00000e+03, 1.00700e+03, 1.01400e+03, ..., 1.48300e+03,\n        1.49000e+03, 1.49700e+03],\n" +
            "       [5.00000e+02, 5.07000e+02, 5.14000e+02, ..., 9.83000e+02,\n        9.90000e+02, 9.97000e+02],\n" +
            "       [0.00000e+00, 7.00000e+00, 1.40000e+01, ..., 4.83000e+02,\n        4.90000e+02, 4.97000e+02]])");
    }

    [Fact]
    public void Complex_float16_and_broadcast_views_print_as_numpy_prints_them()
    {
        using var host = TestHost.Create(new DensePlugin());
        // (np.arange(12.) - 5).reshape(3, 4)[:, ::-2] * (1 + 1j)
        NDArray c = (Np.Arange(12.0) - 5.0).Reshape(3, 4)[Slice.All, new Slice(Step: -2)] * Np.AsArray(new[] { new System.Numerics.Complex(1, 1) });
        Np.ArrayRepr(c).ShouldBe("array([[-2.-2.j, -4.-4.j],\n       [ 2.+2.j,  0.+0.j],\n       [ 6.+6.j,  4.+4.j]])");
        Np.ArrayStr(Np.Arange(10.0).AsType(DType.Float16)[new Slice(Step: 3)]).ShouldBe("[0. 3. 6. 9.]");
        // np.broadcast_to([-0.0, nan, 1e-12], (2, 3)): zero strides, -0.0 and nan beside a value that needs exponents.
        Np.ArrayRepr(Np.BroadcastTo(Np.AsArray(new[] { -0.0, double.NaN, 1e-12 }), 2, 3))
            .ShouldBe("array([[-0.e+00,     nan,  1.e-12],\n       [-0.e+00,     nan,  1.e-12]])");
    }
}
