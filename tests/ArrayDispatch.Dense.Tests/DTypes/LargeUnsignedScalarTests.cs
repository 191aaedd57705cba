using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.DTypes;

/// <summary>
/// Integers above long.MaxValue (a <see cref="ulong"/>, Python's <c>2**64 - 1</c>) as weak scalars: exact with uint64
/// arrays, by value with floats, refused by the other integer dtypes with NumPy 2's OverflowError. Before, C# converted a
/// ulong to double and <c>uint64_array + 1UL</c> silently became float64.
/// </summary>
public sealed class LargeUnsignedScalarTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    private static NDArray U64(params ulong[] values) => Np.AsArray(values);

    [Fact]
    public void A_ulong_scalar_keeps_a_uint64_array_uint64_and_exact()
    {
        NDArray x = U64(1, 2, 3);

        NDArray sum = Np.Add(x, ulong.MaxValue - 5);
        sum.DType.ShouldBe(DType.UInt64);
        sum.ToArray<ulong>().ShouldBe([ulong.MaxValue - 4, ulong.MaxValue - 3, ulong.MaxValue - 2]);

        (x + 1UL).DType.ShouldBe(DType.UInt64);
        (x * 2UL).ToArray<ulong>().ShouldBe([2UL, 4, 6]);
        (ulong.MaxValue - x).ToArray<ulong>().ShouldBe([ulong.MaxValue - 1, ulong.MaxValue - 2, ulong.MaxValue - 3]);
    }

    [Fact]
    public void An_integer_above_int64_meeting_a_signed_array_is_refused_as_numpy_does()
    {
        NDArray x = Np.AsArray(new long[] { 1, 2 });

        Should.Throw<OverflowException>(() => Np.Add(x, ulong.MaxValue)).Message.ShouldBe("Python integer 18446744073709551615 out of bounds for int64");
        Should.Throw<OverflowException>(() => Np.Add(Np.AsArray(new byte[] { 1 }), (ulong)long.MaxValue + 1)).Message.ShouldContain("out of bounds for uint8");
    }

    [Fact]
    public void An_integer_above_int64_meets_a_float_array_by_value()
    {
        NDArray y = Np.Add(Np.AsArray(new[] { 0.5 }), ulong.MaxValue);
        y.DType.ShouldBe(DType.Float64);
        y.ToArray<double>()[0].ShouldBe(18446744073709551615.0 + 0.5);
    }

    [Fact]
    public void Full_with_the_largest_ulong_is_exact_and_the_scalar_prints_as_numpy()
    {
        Np.Full(new Shape(2), ulong.MaxValue, DType.UInt64).ToArray<ulong>().ShouldBe([ulong.MaxValue, ulong.MaxValue]);
        Scalar.Integer(ulong.MaxValue).ToString().ShouldBe("18446744073709551615");
        Scalar.Integer(ulong.MaxValue).ExceedsInt64.ShouldBeTrue();
        Scalar.Integer(5UL).ShouldBe(Scalar.Integer(5L));   // small values are ordinary integers
    }
}
