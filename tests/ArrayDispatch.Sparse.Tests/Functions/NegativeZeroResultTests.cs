using ArrayDispatch.Dense;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// A negative zero is a stored value of a sparse array (its sign is seen by signbit, copysign, 1 / x), from construction
/// and, since the battery's fourth block, from a function's result too: <c>x * 0.0</c> of a negative x kept its entry as
/// -0.0 on Dense and NumPy but was dropped on Sparse, so signbit read False there. (SciPy 1.10 keeps both explicit zeros of
/// <c>csr_array([[2., -1., 0.]]) * 0.0</c>, nnz 2, and drops the -0.0 of <c>csr_array([[-0.0, 1.0]])</c>, nnz 1: its
/// arrays have no signbit; Sparse keeps the entries whose sign NumPy's answers depend on. Two sparse operands meet by
/// SciPy's rule, f(x, implicit 0) = 0, as an infinity times an implicit zero gives 0, documented.)
/// </summary>
public sealed class NegativeZeroResultTests
{
    [Fact]
    public void A_negative_zero_result_is_kept_as_a_stored_value_and_its_sign_is_numpys()
    {
        using TestHost host = TestHost.Create(new DensePlugin(), new SparsePlugin());
        NDArray d = Np.AsArray(new[] { 2.0, -1.0, 0.0, -3.0 }).Reshape(1, 4);
        var x = (SparseArray)Np.AsArray(d, backend: "Sparse", format: "csr");
        var product = (SparseArray)Np.Multiply(x, 0.0);
        product.Nnz.ShouldBe(2);                                                   // -1 * 0.0 and -3 * 0.0; 2 * 0.0 is +0.0, left implicit
        product.ToString().ShouldBe("  (0, 1)\t-0.0\n  (0, 3)\t-0.0");
        // np.signbit(np.array([[2., -1., 0., -3.]]) * 0.0) -> [[False, True, False, True]]
        Np.AsArray(Np.Signbit(product), backend: "Dense").ToArray<bool>().ShouldBe([false, true, false, true]);
        Np.AsArray(Np.Signbit(Np.Multiply(d, 0.0)), backend: "Dense").ToArray<bool>().ShouldBe([false, true, false, true]);
        // np.copysign(1, x * 0.0) -> [[1, -1, 1, -1]]
        Np.AsArray(Np.Copysign(Np.AsArray(Np.Ones(new Shape(1, 4)), backend: "Dense"), Np.AsArray(product, backend: "Dense")), backend: "Dense")
            .ToArray<double>().ShouldBe([1.0, -1.0, 1.0, -1.0]);
        // a stored negative zero meets a scalar as any value does: -0.0 * 2.0 stays -0.0
        var doubled = (SparseArray)Np.Multiply(product, 2.0);
        doubled.Nnz.ShouldBe(2);
        Np.AsArray(Np.Signbit(doubled), backend: "Dense").ToArray<bool>().ShouldBe([false, true, false, true]);
    }
}
