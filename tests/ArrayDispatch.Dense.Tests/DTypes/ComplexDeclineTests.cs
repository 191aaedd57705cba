using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.DTypes;

/// <summary>
/// Complex arrays on Dense, for every function that is not a pure move of elements: it answers as NumPy does (any, all,
/// count_nonzero need only "non-zero") or declines naming the dtype; never a wrong answer, never an unrelated exception
/// from a kernel that read the storage as doubles.
/// </summary>
public sealed class ComplexDeclineTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    private static NDArray C() => Np.Reshape(Np.Arange(1L, 5L, 1L).AsType(DType.Complex128), 2, 2);

    private static readonly Dictionary<string, Func<NDArray>> Declining = new()
    {
        ["einsum"] = () => Np.Einsum("ij,jk->ik", C(), C()),
        ["tensordot"] = () => Np.Tensordot(C(), C(), 1),
        ["dot"] = () => Np.Dot(C(), C()),
        ["vecdot"] = () => Np.VecDot(C(), C()),
        ["outer"] = () => Np.Outer(C(), C()),
        ["kron"] = () => Np.Kron(C(), C()),
        ["matmul"] = () => Np.MatMul(C(), C()),
        ["trace"] = () => Np.Trace(C()),
        ["argsort"] = () => Np.Argsort(C()),
        ["argmax"] = () => Np.Argmax(C()),
        ["searchsorted"] = () => Np.SearchSorted(Np.Ravel(C()), Np.Ravel(C())),
        ["clip"] = () => Np.Clip(C(), 1L, 2L),
        ["mean"] = () => Np.Mean(C()),
        ["var"] = () => Np.Var(C()),
        ["std"] = () => Np.Std(C()),
        ["nansum"] = () => Np.NanSum(C()),
        ["nanmean"] = () => Np.NanMean(C()),
        ["prod"] = () => Np.Prod(C()),
        ["cumprod"] = () => Np.Cumprod(C()),
        ["max"] = () => Np.Max(C()),
        ["unique"] = () => Np.Unique(C()).Values,
        ["linalg.solve"] = () => Np.Linalg.Solve(C(), C()),
        ["linalg.inv"] = () => Np.Linalg.Inv(C()),
        ["linalg.det"] = () => Np.Linalg.Det(C()),
        ["linalg.qr"] = () => Np.Linalg.Qr(C()).R,
        ["linalg.svd"] = () => Np.Linalg.Svd(C()).S,
        ["linalg.cholesky"] = () => Np.Linalg.Cholesky(C()),
        ["linalg.eigh"] = () => Np.Linalg.Eigh(C()).Eigenvalues,
        ["linalg.norm"] = () => Np.Linalg.Norm(C()),
        ["sqrt"] = () => Np.Sqrt(C()),
        ["equal"] = () => Np.Equal(C(), C()),
    };

    public static TheoryData<string> DecliningNames() => [.. Declining.Keys];

    [Theory]
    [MemberData(nameof(DecliningNames))]
    public void A_function_without_a_complex_loop_declines_naming_the_dtype(string function)
    {
        Exception ex = Should.Throw<Exception>(() => Declining[function]().ToHost());
        NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.Declined, ex.ToString());
        ex.ToString().ShouldContain("complex128");
    }

    [Fact]
    public void Truth_value_reductions_answer_as_numpy()
    {
        NDArray c = Np.AsArray(new[] { System.Numerics.Complex.Zero, System.Numerics.Complex.ImaginaryOne });
        Np.Any(c).Item<bool>().ShouldBeTrue();
        Np.All(c).Item<bool>().ShouldBeFalse();
        Np.CountNonzero(c).Item<long>().ShouldBe(1);
        Np.Nonzero(c)[0].ToArray<long>().ShouldBe([1]);
    }
}
