using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary><c>DTypes.Parse</c> gives what <c>numpy.dtype(name)</c> gives on 64-bit Linux.</summary>
public sealed class DTypeParseTests
{
    [Theory]
    [InlineData("float", DType.Float64)]                              // Python's float is a double
    [InlineData("float_", DType.Float64)]
    [InlineData("double", DType.Float64)]
    [InlineData("d", DType.Float64)]
    [InlineData("f8", DType.Float64)]
    [InlineData("float64", DType.Float64)]
    [InlineData("single", DType.Float32)]
    [InlineData("f", DType.Float32)]
    [InlineData("float32", DType.Float32)]
    [InlineData("int", DType.Int64)]
    [InlineData("int_", DType.Int64)]
    [InlineData("intp", DType.Int64)]
    [InlineData("long", DType.Int64)]
    [InlineData("l", DType.Int64)]
    [InlineData("intc", DType.Int32)]
    [InlineData("i", DType.Int32)]
    [InlineData("int32", DType.Int32)]
    [InlineData("bool", DType.Bool)]
    [InlineData("?", DType.Bool)]
    [InlineData(" Float64 ", DType.Float64)]
    public void Abstract_names_mean_what_NumPy_means_on_Linux(string name, DType expected) =>
        DTypes.Parse(name).ShouldBe(expected);

    [Theory]
    [InlineData("F", DType.Complex64)]                              // complex64's code, not float32
    [InlineData("L", DType.UInt64)]                                 // uint64's code, not int64
    [InlineData("b", DType.Int8)]                                   // int8's code, not bool
    [InlineData("B", DType.UInt8)]
    [InlineData("h", DType.Int16)]
    [InlineData("H", DType.UInt16)]
    [InlineData("I", DType.UInt32)]
    [InlineData("Q", DType.UInt64)]
    [InlineData("e", DType.Float16)]
    [InlineData("D", DType.Complex128)]
    [InlineData("uint8", DType.UInt8)]
    [InlineData("u1", DType.UInt8)]
    [InlineData("ubyte", DType.UInt8)]
    [InlineData("<u2", DType.UInt16)]
    [InlineData(">i4", DType.Int32)]
    [InlineData("|i1", DType.Int8)]
    [InlineData("half", DType.Float16)]
    [InlineData("float16", DType.Float16)]
    [InlineData("<f2", DType.Float16)]
    [InlineData("complex", DType.Complex128)]                       // Python's complex is complex128
    [InlineData("cfloat", DType.Complex128)]
    [InlineData("csingle", DType.Complex64)]
    [InlineData("c8", DType.Complex64)]
    [InlineData(">c16", DType.Complex128)]
    [InlineData("uint", DType.UInt64)]
    public void One_letter_codes_are_case_sensitive_and_every_NumPy_spelling_parses(string name, DType expected) =>
        DTypes.Parse(name).ShouldBe(expected);

    [Theory]
    [InlineData(">i4", DType.Int32, true)]
    [InlineData("<i4", DType.Int32, false)]
    [InlineData("|u1", DType.UInt8, false)]
    [InlineData(">u1", DType.UInt8, false)]                         // one byte has no order
    [InlineData("=f8", DType.Float64, false)]
    public void A_byte_order_prefix_is_reported_for_multi_byte_types(string name, DType expected, bool bigEndian)
    {
        DTypes.TryParse(name, out DType dtype, out bool big).ShouldBeTrue();
        dtype.ShouldBe(expected);
        big.ShouldBe(bigEndian);
    }

    [Theory]
    [InlineData("g")]                                                // longdouble
    [InlineData("G")]
    [InlineData("U")]
    [InlineData("float128")]
    [InlineData("<")]
    public void Dtypes_ArrayDispatch_lacks_are_not_read_as_near_ones(string name) =>
        DTypes.TryParse(name, out _).ShouldBeFalse();

    [Fact]
    public void An_unknown_name_is_refused_with_the_supported_list() =>
        Should.Throw<ArgumentException>(() => DTypes.Parse("float128")).Message
            .ShouldStartWith("data type 'float128' not understood; supported: bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, complex64, complex128");

    [Fact]
    public void Every_dtype_parses_from_its_name_and_its_code()
    {
        foreach (DType d in DTypes.All)
        {
            DTypes.Parse(d.Name()).ShouldBe(d);
            DTypes.Parse(d.Char().ToString()).ShouldBe(d);
        }
    }
}
