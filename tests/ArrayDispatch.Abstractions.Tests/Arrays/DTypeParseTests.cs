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
    [InlineData("F")]                                                // complex64's code, not float32
    [InlineData("L")]                                                // uint64's code, not int64
    [InlineData("b")]                                                // int8's code, not bool
    [InlineData("float16")]
    public void Codes_of_dtypes_ArrayDispatch_lacks_are_not_read_as_near_ones(string name) =>
        DTypes.TryParse(name, out _).ShouldBeFalse();

    [Fact]
    public void Complex_is_refused_with_a_message_that_says_there_is_no_complex_dtype() =>
        Should.Throw<ArgumentException>(() => DTypes.Parse("complex")).Message
            .ShouldStartWith("data type 'complex' not understood; ArrayDispatch has no complex dtype; supported: bool, int32, int64, float32, float64");
}
