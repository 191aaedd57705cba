using ArrayDispatch.Interchange;
using ArrayDispatch.Scalars;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// Sparse refuses what NumPy refuses, with NumPy's category, before its own sparsity rules would decline the inputs as
/// densifying: the refusal is about the inputs, whatever the format.
/// </summary>
public sealed class ErrorTests
{
    private static NDArray Sparse<T>(T[] data, params int[] shape) where T : unmanaged =>
        Np.AsArray(HostBuffer.FromContiguous(data, shape.Length == 0 ? new Shape(data.Length) : new Shape(shape)), "Sparse");

    [Fact]
    public void A_negative_integer_exponent_is_NumPys_ValueError_not_a_densify_decline()
    {
        using var host = Create();
        NDArray x = Sparse(new long[] { 2, 0, 3, 0 });

        Exception stored = Should.Throw<Exception>(() => Np.Power(x, Sparse(new long[] { 1, 0, -1, 0 })));
        Exception scalar = Should.Throw<Exception>(() => Np.Power(x, -2L));
        Exception dense = Should.Throw<Exception>(() => Np.Power(x, DenseOf(new long[] { 1, 2, -3, 0 })));

        foreach (Exception ex in new[] { stored, scalar, dense })
        {
            NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.ValueError, ex.ToString());
            NumPyErrors.Find(ex).Message.ShouldStartWith(ElementwiseRules.NegativeIntegerPowerMessage);
        }
        // Non-negative exponents answer, and an empty result meets no exponent at all (NumPy answers both).
        Np.Power(x, 2L).ToArray<long>().ShouldBe([4, 0, 9, 0]);
        Np.Power(Sparse(new long[0], 0, 3), -1L).Shape.ShouldBe(new Shape(0, 3));
    }

    [Fact]
    public void An_out_of_range_axis_of_argmax_is_NumPys_AxisError_before_the_n_d_decline()
    {
        using var host = Create();
        NDArray x = Sparse(new double[24], 2, 3, 4);
        NumPyErrors.Classify(Should.Throw<Exception>(() => Np.Argmax(x, -4))).ShouldBe(NumPyErrorKind.AxisError);
    }

    [Fact]
    public void Sign_of_bool_is_NumPys_TypeError()
    {
        using var host = Create();
        Exception ex = Should.Throw<Exception>(() => Np.Sign(Sparse(new[] { true, false, true })));
        NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.TypeError);
    }
}
