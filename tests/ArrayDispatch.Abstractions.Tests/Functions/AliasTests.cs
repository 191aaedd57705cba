using ArrayDispatch.Functions;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Functions;

public sealed class AliasTests
{
    [Theory]
    [InlineData("absolute", "abs")]
    [InlineData("true_divide", "divide")]
    [InlineData("mod", "remainder")]
    [InlineData("acos", "arccos")]
    [InlineData("atan2", "arctan2")]
    [InlineData("pow", "power")]
    [InlineData("bitwise_invert", "invert")]
    [InlineData("bitwise_left_shift", "left_shift")]
    [InlineData("concat", "concatenate")]
    [InlineData("permute_dims", "transpose")]
    [InlineData("radians", "deg2rad")]
    [InlineData("linalg.matmul", "matmul")]
    [InlineData("linalg.outer", "outer")]
    [InlineData("linalg.tensordot", "tensordot")]
    [InlineData("linalg.vecdot", "vecdot")]
    public void An_alias_finds_the_same_function_as_its_name(string alias, string name)
    {
        FunctionCatalog.TryGet(alias, out ArrayFunction? byAlias).ShouldBeTrue();
        FunctionCatalog.TryGet(name, out ArrayFunction? byName).ShouldBeTrue();
        byAlias.ShouldBeSameAs(byName);
        byAlias.Name.ShouldBe(name);
        FunctionCatalog.Aliases[alias].ShouldBeSameAs(byName);
    }

    [Fact]
    public void Aliases_are_not_counted_as_functions()
    {
        FunctionCatalog.All.Select(f => f.Name).ShouldNotContain("absolute");
        FunctionCatalog.All.Count(f => f.Name == "abs").ShouldBe(1);
    }

    [Fact]
    public void An_alias_that_names_another_function_is_refused_naming_both()
    {
        var e = Should.Throw<ArgumentException>(() => FunctionCatalog.Alias("absolute", ArrayFunctions.Negative));
        e.Message.ShouldContain("'absolute'");
        e.Message.ShouldContain("'abs'");
        e.Message.ShouldContain("'negative'");
        FunctionCatalog.Alias("absolute", ArrayFunctions.Abs).ShouldBeSameAs(ArrayFunctions.Abs);   // the same pair again is fine
    }
}
