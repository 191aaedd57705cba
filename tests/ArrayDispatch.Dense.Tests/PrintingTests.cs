using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Dense arrays print their values as NumPy does (the protocol's printer; its fixture tests cover the details).</summary>
public sealed class PrintingTests
{
    [Fact]
    public void ToString_Arange_IsNumPysStr()
    {
        using var host = TestHost.Create(new DensePlugin());

        Np.Arange(6.0).ToString().ShouldBe("[0. 1. 2. 3. 4. 5.]");
        Np.Arange(6.0).Reshape(2, 3).ToString().ShouldBe("[[0. 1. 2.]\n [3. 4. 5.]]");
    }

    [Fact]
    public void ArrayRepr_MatchesNumPysRepr()
    {
        using var host = TestHost.Create(new DensePlugin());

        Np.ArrayRepr(Np.Arange(3.0)).ShouldBe("array([0., 1., 2.])");
        Np.ArrayRepr(Np.Arange(3L).AsType(DType.Int32)).ShouldBe("array([0, 1, 2], dtype=int32)");
        Np.ArrayRepr(Np.Zeros(0, DType.Float64)).ShouldBe("array([], dtype=float64)");
    }

    [Fact]
    public void ToString_TransposedView_PrintsInLogicalOrder()
    {
        using var host = TestHost.Create(new DensePlugin());

        Np.Arange(6L).Reshape(2, 3).T.ToString().ShouldBe("[[0 3]\n [1 4]\n [2 5]]");
    }

    [Fact]
    public void ToString_LargeArray_IsSummarised()
    {
        using var host = TestHost.Create(new DensePlugin());

        Np.Arange(2000L).ToString().ShouldBe("[   0    1    2 ... 1997 1998 1999]");
    }

    [Fact]
    public void Interpolation_WithFormat_UsesFixedDecimals()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(3.0) / 3.0;

        $"{x:F3}".ShouldBe("[0.000 0.333 0.667]");
    }

    [Fact]
    public void ReadmeExample_PrintsWhatTheReadmeSays()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Arange(6.0) / 3.0;

        x.ToString().ShouldBe("[0.         0.33333333 0.66666667 1.         1.33333333 1.66666667]");
        using (Np.PrintOptions(precision: 3, threshold: 100)) x.ToString().ShouldBe("[0.    0.333 0.667 1.    1.333 1.667]");
        Np.ArrayRepr(x.AsType(DType.Float32)).ShouldBe("array([0.        , 0.33333334, 0.6666667 , 1.        , 1.3333334 ,\n       1.6666666 ], dtype=float32)");
    }
}
