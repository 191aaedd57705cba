using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

public sealed class AliasAndIntegerUfuncTests
{
    [Fact]
    public void NumPy_and_array_API_names_call_the_same_functions()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new[] { -0.5, 0.25, 1.0 });
        Np.Absolute(x).ToArray<double>().ShouldBe(Np.Abs(x).ToArray<double>());
        Np.Acos(x).ToArray<double>().ShouldBe(Np.Arccos(x).ToArray<double>());
        Np.TrueDivide(x, 2).ToArray<double>().ShouldBe([-0.25, 0.125, 0.5]);
        Np.Pow(x, 2).ToArray<double>().ShouldBe([0.25, 0.0625, 1.0]);
    }

    [Fact]
    public void Gcd_lcm_and_shifts_keep_the_integer_dtype_and_refuse_floats_by_name()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new long[] { 12, -18, 0 });
        Np.Gcd(a, 8).ToArray<long>().ShouldBe([4, 2, 8]);
        Np.Lcm(a, 8).ToArray<long>().ShouldBe([24, 72, 0]);
        NDArray bytes = DenseArray.From(new byte[] { 1, 128, 255 });
        Np.LeftShift(bytes, 1).ToArray<byte>().ShouldBe([2, 0, 254]);
        Np.RightShift(bytes, 9).ToArray<byte>().ShouldBe([0, 0, 0]);
        var e = Should.Throw<Exception>(() => Np.LeftShift(DenseArray.From(new[] { 1.0 }), 1));
        e.Message.ShouldContain("left_shift");
        Should.Throw<Exception>(() => Np.Gcd(DenseArray.From(new[] { true }), DenseArray.From(new[] { true }))).Message.ShouldContain("gcd");
    }
}

public sealed class Float16ProductTests
{
    [Fact]
    public void Float16_matmul_with_a_1d_operand_drops_the_added_axis_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray v = Np.Ones(7, DType.Float16);
        NDArray m = Np.Ones((3, 7, 4), DType.Float16);
        NDArray r = Np.MatMul(v, m);
        r.Shape.ShouldBe(new Shape(3, 4));
        r.DType.ShouldBe(DType.Float16);
        Np.MatMul(v, v).Shape.ShouldBe(Shape.Scalar);
        Np.MatMul(m, Np.Ones(4, DType.Float16)).Shape.ShouldBe(new Shape(3, 7));
    }
}

public sealed class Float16ScanTests
{
    [Fact]
    public void Float16_cumsum_rounds_every_running_sum_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray s = Np.Cumsum(Np.Ones(3000, DType.Float16));
        s.DType.ShouldBe(DType.Float16);
        s.ToArray<Half>()[^1].ShouldBe((Half)2048);   // np.cumsum(np.ones(3000, np.float16))[-1]
    }
}
