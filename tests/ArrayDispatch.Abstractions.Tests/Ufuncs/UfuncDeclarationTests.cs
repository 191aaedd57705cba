using ArrayDispatch.Functions;
using ArrayDispatch.Ufuncs;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Ufuncs;

/// <summary>The ufunc declarations: the loops read from each op, and NumPy's loop selection, in one place for every backend.</summary>
public sealed class UfuncDeclarationTests
{
    private static Ufunc Of(ArrayFunction function) => Ufunc.TryGet(function, out Ufunc? u) ? u : throw new ShouldAssertException($"{function} is not a ufunc");

    [Fact]
    public void Every_element_wise_function_of_the_catalogue_is_declared_as_a_ufunc_with_its_op()
    {
        string[] elementwise = FunctionCatalog.All
            .Where(f => f.ArgsType == typeof(UnaryArgs) || f.ArgsType == typeof(BinaryArgs))
            .Select(f => f.Name).Order().ToArray();
        Ufunc.All.Select(u => u.Name).Order().ToArray().ShouldBe(elementwise);
        Ufunc.All.Count.ShouldBeGreaterThan(50);
        Ufunc.All.ShouldAllBe(u => u.Loops != UfuncLoops.None);
    }

    [Fact]
    public void The_loops_are_the_methods_the_op_declares()
    {
        Of(ArrayFunctions.Add).Loops.ShouldBe(UfuncLoops.Bool | UfuncLoops.Integer | UfuncLoops.Float);
        Of(ArrayFunctions.Subtract).Loops.ShouldBe(UfuncLoops.Integer | UfuncLoops.Float);
        Of(ArrayFunctions.Divide).Loops.ShouldBe(UfuncLoops.Float);
        Of(ArrayFunctions.BitwiseAnd).Loops.ShouldBe(UfuncLoops.Bool | UfuncLoops.Integer);
        Of(ArrayFunctions.Logaddexp).Op.ShouldBe(typeof(LogaddexpOp));
        Of(ArrayFunctions.Less).BoolResult.ShouldBeTrue();
    }

    [Theory]
    [InlineData("add", DType.Bool, UfuncLoopKind.Bool, DType.Bool, DType.Bool)]               // NumPy's ??->? loop: or
    [InlineData("floor_divide", DType.Bool, UfuncLoopKind.Integer, DType.Int8, DType.Int8)]   // the first integer loop NumPy lists
    [InlineData("divide", DType.Int32, UfuncLoopKind.Float, DType.Float64, DType.Float64)]
    [InlineData("sqrt", DType.Int64, UfuncLoopKind.Float, DType.Float64, DType.Float64)]
    [InlineData("sqrt", DType.Float32, UfuncLoopKind.Float, DType.Float32, DType.Float32)]
    [InlineData("less", DType.Bool, UfuncLoopKind.Bool, DType.Bool, DType.Bool)]
    [InlineData("less", DType.Int32, UfuncLoopKind.Integer, DType.Int32, DType.Bool)]
    [InlineData("isnan", DType.Float64, UfuncLoopKind.Float, DType.Float64, DType.Bool)]
    [InlineData("reciprocal", DType.Bool, UfuncLoopKind.Bool, DType.Bool, DType.Int8)]        // NumPy's int8 loop: the values are the input's
    [InlineData("abs", DType.Bool, UfuncLoopKind.Bool, DType.Bool, DType.Bool)]
    [InlineData("square", DType.Bool, UfuncLoopKind.Integer, DType.Int8, DType.Int8)]
    [InlineData("sqrt", DType.Bool, UfuncLoopKind.Float, DType.Float16, DType.Float16)]
    [InlineData("sqrt", DType.Int16, UfuncLoopKind.Float, DType.Float32, DType.Float32)]
    [InlineData("divide", DType.UInt8, UfuncLoopKind.Float, DType.Float64, DType.Float64)]   // true division: float64
    [InlineData("add", DType.UInt16, UfuncLoopKind.Integer, DType.UInt16, DType.UInt16)]
    [InlineData("logaddexp", DType.Int64, UfuncLoopKind.Float, DType.Float64, DType.Float64)]
    public void Resolve_picks_NumPys_loop(string name, DType input, UfuncLoopKind kind, DType compute, DType result)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction function).ShouldBeTrue();
        Of(function).Resolve(input).ShouldBe(new UfuncLoop(kind, compute, result));
    }

    [Theory]
    [InlineData("subtract", DType.Bool, "numpy boolean subtract, the `-` operator, is not supported")]
    [InlineData("negative", DType.Bool, "The numpy boolean negative, the `-` operator, is not supported")]
    [InlineData("sign", DType.Bool, "ufunc 'sign' did not contain a loop with signature matching types")]
    [InlineData("positive", DType.Bool, "ufunc 'positive' did not contain a loop with signature matching types")]
    [InlineData("bitwise_and", DType.Float64, "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced")]
    [InlineData("invert", DType.Float32, "ufunc 'invert' not supported for the input types")]
    [InlineData("invert", DType.Float16, "ufunc 'invert' not supported for the input types")]
    public void Resolve_refuses_what_NumPy_refuses_with_its_message(string name, DType input, string message)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction function).ShouldBeTrue();
        Should.Throw<DTypeMismatchException>(() => Of(function).Resolve(input)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void Complex_inputs_are_declined_naming_the_dtype_until_the_ops_have_complex_loops()
    {
        Should.Throw<NotSupportedException>(() => Of(ArrayFunctions.Exp).Resolve(DType.Complex128)).Message.ShouldContain("complex128");
        Should.Throw<NotSupportedException>(() => Of(ArrayFunctions.Add).Resolve(DType.Complex64)).Message.ShouldContain("complex64");
    }

    [Fact]
    public void Binary_resolution_promotes_first_with_weak_scalars()
    {
        var ufunc = (BinaryUfunc)Of(ArrayFunctions.Add);
        ufunc.Resolve((Operand)1L, (Operand)2.5).Compute.ShouldBe(DType.Float64);
        Of(ArrayFunctions.Power).ShouldBeAssignableTo<BinaryUfunc>().RefusesNegativeIntegerOperand.ShouldBeTrue();
        Of(ArrayFunctions.Multiply).ShouldBeAssignableTo<BinaryUfunc>().RefusesNegativeIntegerOperand.ShouldBeFalse();
    }
}
