using System.Numerics;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>
/// <c>Np.ResultType</c>: arrays promote by NumPy's table and .NET scalars are weak (NEP 50, NumPy 2's rules): a scalar
/// keeps the array's dtype unless its kind is higher.
/// </summary>
public sealed class ResultTypeTests
{
    [Theory]
    [InlineData(DType.Int8, DType.UInt8, DType.Int16)]
    [InlineData(DType.Int64, DType.UInt64, DType.Float64)]
    [InlineData(DType.Float16, DType.Int16, DType.Float32)]
    [InlineData(DType.Float64, DType.Complex64, DType.Complex128)]
    [InlineData(DType.Bool, DType.Int8, DType.Int8)]
    [InlineData(DType.UInt32, DType.Int32, DType.Int64)]
    [InlineData(DType.Float16, DType.UInt8, DType.Float16)]
    [InlineData(DType.Int32, DType.Float32, DType.Float64)]
    [InlineData(DType.Complex64, DType.Int16, DType.Complex64)]
    [InlineData(DType.Complex64, DType.UInt32, DType.Complex128)]
    public void Arrays_promote_by_numpys_table(DType a, DType b, DType expected)
    {
        Np.ResultType(a, b).ShouldBe(expected);
        Np.ResultType(b, a).ShouldBe(expected);
    }

    [Fact]
    public void Int8_plus_uint8_promotes_to_int16() => Np.ResultType(DType.Int8, DType.UInt8).ShouldBe(DType.Int16);

    [Theory]
    [InlineData(DType.UInt8, DType.UInt8)]
    [InlineData(DType.Int8, DType.Int8)]
    [InlineData(DType.UInt64, DType.UInt64)]
    [InlineData(DType.Float16, DType.Float16)]
    [InlineData(DType.Complex64, DType.Complex64)]
    [InlineData(DType.Bool, DType.Int64)]
    public void A_python_int_keeps_the_array_dtype_except_bool(DType array, DType expected) =>
        Np.ResultType(array, 1).ShouldBe(expected);

    [Theory]
    [InlineData(DType.Int32, DType.Float64)]
    [InlineData(DType.UInt8, DType.Float64)]
    [InlineData(DType.Bool, DType.Float64)]
    [InlineData(DType.Float16, DType.Float16)]
    [InlineData(DType.Float32, DType.Float32)]
    [InlineData(DType.Complex64, DType.Complex64)]
    public void A_python_float_turns_integers_into_float64_and_keeps_inexact_dtypes(DType array, DType expected) =>
        Np.ResultType(array, 1.5).ShouldBe(expected);

    [Theory]
    [InlineData(DType.Float32, DType.Complex64)]
    [InlineData(DType.Float16, DType.Complex64)]
    [InlineData(DType.Float64, DType.Complex128)]
    [InlineData(DType.Int8, DType.Complex128)]
    [InlineData(DType.Bool, DType.Complex128)]
    [InlineData(DType.Complex64, DType.Complex64)]
    public void A_python_complex_keeps_the_precision_of_a_float_array(DType array, DType expected) =>
        Np.ResultType(array, Complex.ImaginaryOne).ShouldBe(expected);

    [Fact]
    public void Scalars_alone_take_their_default_dtypes()
    {
        Np.ResultType(1, 2L).ShouldBe(DType.Int64);
        Np.ResultType(1, 2.0).ShouldBe(DType.Float64);
        Np.ResultType(true).ShouldBe(DType.Bool);
        Np.ResultType(1.0, Complex.One).ShouldBe(DType.Complex128);
    }

    [Fact]
    public void Dtype_names_count_as_dtypes() => Np.ResultType("int8", "u1").ShouldBe(DType.Int16);

    [Fact]
    public void Scalars_join_after_the_arrays_promote() =>
        Np.ResultType(DType.Int8, DType.UInt8, 1, true).ShouldBe(DType.Int16);

    [Fact]
    public void Operand_promotion_uses_the_same_rules()
    {
        Operand complexScalar = Complex.ImaginaryOne;
        complexScalar.ResultType(1.0).ShouldBe(DType.Complex128);
        DTypes.PromoteWeak(DType.Float32, ScalarKind.Complex).ShouldBe(DType.Complex64);
    }

    [Fact]
    public void Something_that_is_not_an_array_dtype_or_scalar_is_refused_by_type() =>
        Should.Throw<ArgumentException>(() => Np.ResultType(new object[] { DType.Int8, new Uri("http://x") })).Message
            .ShouldStartWith("result_type takes arrays, dtypes, dtype names and scalars, not Uri");

    [Theory]
    [InlineData(DType.Bool, "bool", true)]
    [InlineData(DType.Int8, "signed integer", true)]
    [InlineData(DType.UInt8, "signed integer", false)]
    [InlineData(DType.UInt8, "unsigned integer", true)]
    [InlineData(DType.UInt64, "integral", true)]
    [InlineData(DType.Bool, "integral", false)]
    [InlineData(DType.Float16, "real floating", true)]
    [InlineData(DType.Complex64, "real floating", false)]
    [InlineData(DType.Complex128, "complex floating", true)]
    [InlineData(DType.Complex128, "numeric", true)]
    [InlineData(DType.Bool, "numeric", false)]
    [InlineData(DType.Int16, "int16", true)]
    public void IsDType_knows_the_array_api_kinds(DType dtype, string kind, bool expected) =>
        Np.IsDType(dtype, kind).ShouldBe(expected);

    [Fact]
    public void IsDType_with_several_kinds_is_any_of_them() =>
        Np.IsDType(DType.Float32, "integral", "real floating").ShouldBeTrue();

    [Fact]
    public void IsDType_refuses_an_unknown_kind_with_the_array_api_message() =>
        Should.Throw<ArgumentException>(() => Np.IsDType(DType.Int8, "integer")).Message
            .ShouldStartWith("kind argument is a string, but 'integer' is not a known kind name.");

    [Fact]
    public void An_unknown_casting_name_is_refused_with_numpys_message() =>
        Should.Throw<ArgumentException>(() => Np.CanCast(DType.Int8, DType.Int16, "bogus")).Message
            .ShouldStartWith("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got 'bogus')");

    [Fact]
    public void Every_dtype_has_a_size_a_clr_type_and_a_name()
    {
        int[] sizes = [1, 1, 2, 4, 8, 1, 2, 4, 8, 2, 4, 8, 8, 16];
        for (int i = 0; i < DTypes.All.Count; i++)
        {
            DType d = DTypes.All[i];
            d.ItemSize().ShouldBe(sizes[i], d.Name());
            System.Runtime.InteropServices.Marshal.SizeOf(d == DType.Bool ? typeof(byte) : d.ClrType()).ShouldBe(sizes[i], d.Name());
        }
        DTypes.Of<Half>().ShouldBe(DType.Float16);
        DTypes.Of<Complex64>().ShouldBe(DType.Complex64);
        DTypes.Of<Complex>().ShouldBe(DType.Complex128);
        DTypes.Of<byte>().ShouldBe(DType.UInt8);
    }

    [Fact]
    public void The_shipped_member_values_are_unchanged()
    {
        ((int)DType.Bool).ShouldBe(0);
        ((int)DType.Int32).ShouldBe(1);
        ((int)DType.Int64).ShouldBe(2);
        ((int)DType.Float32).ShouldBe(3);
        ((int)DType.Float64).ShouldBe(4);
    }
}
