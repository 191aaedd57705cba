using System.Numerics;
using ArrayDispatch.Scalars;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Scalars;

/// <summary>NumPy's unsafe cast of one value (<c>astype(..., casting="unsafe")</c>), as NumPy 1.24 gives it on x86-64.</summary>
public sealed class CastsTests
{
    [Fact]
    public void Integers_wrap_into_narrower_types()
    {
        Casts.Convert<long, byte>(300).ShouldBe((byte)44);
        Casts.Convert<long, sbyte>(200).ShouldBe((sbyte)-56);
        Casts.Convert<int, ulong>(-1).ShouldBe(ulong.MaxValue);
        Casts.Convert<ulong, long>(ulong.MaxValue).ShouldBe(-1L);
    }

    [Fact]
    public void Floats_truncate_and_go_through_int32_into_8_and_16_bit_types()
    {
        Casts.Convert<double, sbyte>(300.0).ShouldBe((sbyte)44);
        Casts.Convert<double, sbyte>(-129.5).ShouldBe((sbyte)127);
        Casts.Convert<double, byte>(-3.9).ShouldBe((byte)253);
        Casts.Convert<double, byte>(double.NaN).ShouldBe((byte)0);
        Casts.Convert<double, short>(1e10).ShouldBe((short)0);
        Casts.Convert<float, ushort>(-1f).ShouldBe((ushort)65535);
    }

    [Fact]
    public void Negative_floats_wrap_into_wide_unsigned_types()
    {
        Casts.Convert<double, uint>(-1.0).ShouldBe(uint.MaxValue);
        Casts.Convert<double, ulong>(-3.9).ShouldBe(18446744073709551613UL);
        Casts.Convert<double, ulong>(1.8e19).ShouldBe(18000000000000000000UL);
    }

    [Fact]
    public void Complex_to_real_takes_the_real_part_and_real_to_complex_adds_zero()
    {
        Casts.Convert<Complex, double>(new Complex(1.5, 2)).ShouldBe(1.5);
        Casts.Convert<Complex64, int>(new Complex64(-2.7f, 1)).ShouldBe(-2);
        Casts.Convert<long, Complex>(3).ShouldBe(new Complex(3, 0));
        Casts.Convert<double, Complex64>(0.1).ShouldBe(new Complex64(0.1f, 0));
        Casts.Convert<Complex, Complex64>(new Complex(1, 2)).ShouldBe(new Complex64(1, 2));
        Casts.Convert<Complex64, Complex>(new Complex64(1, 2)).ShouldBe(new Complex(1, 2));
    }

    [Fact]
    public void Large_integers_round_to_the_nearest_float16_or_overflow_to_inf()
    {
        Casts.Convert<long, Half>(70000).ShouldBe(Half.PositiveInfinity);
        Casts.Convert<long, Half>(300).ShouldBe((Half)300);
    }

    [Fact]
    public void Scalars_convert_by_the_same_rules()
    {
        Scalar.Integer(300).As<byte>().ShouldBe((byte)44);
        Scalar.Float(-1.0).As<uint>().ShouldBe(uint.MaxValue);
        Scalar.Complex(1, 2).As<Complex64>().ShouldBe(new Complex64(1, 2));
        Scalar.Complex(1, 2).As<double>().ShouldBe(1.0);
        Scalar.Float(2.5).As<Half>().ShouldBe((Half)2.5);
        Scalar.Complex(0, 1).IsZero.ShouldBeFalse();
        Scalar.Complex(1, -2).ToString().ShouldBe("(1-2j)");
    }

    [Fact]
    public void Complex64_arithmetic_rounds_each_part_once_to_float32()
    {
        var a = new Complex64(1, 2);
        var b = new Complex64(3, -1);
        (a + b).ShouldBe(new Complex64(4, 1));
        (a * b).ShouldBe(new Complex64(5, 5));
        (a / b).ShouldBe((Complex64)(new Complex(1, 2) / new Complex(3, -1)));
        Complex64.Conjugate(a).ShouldBe(new Complex64(1, -2));
        ((Complex)a).ShouldBe(new Complex(1, 2));
    }
}
