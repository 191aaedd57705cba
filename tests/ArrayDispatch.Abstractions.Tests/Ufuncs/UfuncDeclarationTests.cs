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
    public void Every_ufunc_has_its_generated_Np_method_calling_it()
    {
        foreach (System.Reflection.FieldInfo field in typeof(ArrayFunctions).GetFields())
        {
            if (field.GetValue(null) is not ArrayFunction f || !Ufunc.TryGet(f, out Ufunc? u)) continue;
            Type[] parameters = u is BinaryUfunc ? [typeof(Operand), typeof(Operand), typeof(NDArray)] : [typeof(NDArray), typeof(NDArray)];
            typeof(Np).GetMethod(field.Name, parameters).ShouldNotBeNull($"Np.{field.Name} for ufunc '{u.Name}'");
        }
    }

    [Fact]
    public void The_loops_are_the_methods_the_op_declares()
    {
        Of(ArrayFunctions.Add).Loops.ShouldBe(UfuncLoops.Bool | UfuncLoops.Integer | UfuncLoops.Float | UfuncLoops.Complex);
        Of(ArrayFunctions.Subtract).Loops.ShouldBe(UfuncLoops.Integer | UfuncLoops.Float | UfuncLoops.Complex);
        Of(ArrayFunctions.Divide).Loops.ShouldBe(UfuncLoops.Float | UfuncLoops.Complex);
        Of(ArrayFunctions.FloorDivide).Loops.ShouldBe(UfuncLoops.Integer | UfuncLoops.Float);
        Of(ArrayFunctions.Less).Loops.ShouldBe(UfuncLoops.Bool | UfuncLoops.Integer | UfuncLoops.Float | UfuncLoops.Complex);
        Of(ArrayFunctions.Signbit).Loops.ShouldBe(UfuncLoops.Bool | UfuncLoops.Integer | UfuncLoops.Float);
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

    [Theory]
    [InlineData("exp", DType.Complex128, DType.Complex128)]
    [InlineData("add", DType.Complex64, DType.Complex64)]
    [InlineData("abs", DType.Complex64, DType.Float32)]        // NumPy's F->f loop
    [InlineData("abs", DType.Complex128, DType.Float64)]
    [InlineData("real", DType.Complex128, DType.Float64)]
    [InlineData("imag", DType.Complex64, DType.Float32)]
    [InlineData("angle", DType.Complex64, DType.Float32)]
    [InlineData("conj", DType.Complex64, DType.Complex64)]
    [InlineData("less", DType.Complex128, DType.Bool)]         // lexicographic, as NumPy 1.x and 2
    [InlineData("isnan", DType.Complex64, DType.Bool)]
    public void Complex_inputs_run_the_complex_loop(string name, DType input, DType result)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction function).ShouldBeTrue();
        Of(function).Resolve(input).ShouldBe(new UfuncLoop(UfuncLoopKind.Complex, input, result));
    }

    [Theory]
    [InlineData("floor_divide")]
    [InlineData("remainder")]
    [InlineData("arctan2")]
    [InlineData("floor")]
    [InlineData("signbit")]
    [InlineData("bitwise_and")]
    public void Ufuncs_NumPy_has_no_complex_loop_for_refuse_complex_with_its_TypeError(string name)
    {
        FunctionCatalog.TryGet(name, out ArrayFunction function).ShouldBeTrue();
        Should.Throw<DTypeMismatchException>(() => Of(function).Resolve(DType.Complex64)).Message
            .ShouldBe($"ufunc '{name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
    }

    [Fact]
    public void The_complex_loops_keep_NumPys_branch_cuts_by_the_sign_of_zero()
    {
        ComplexFunctions.Sqrt(new(-4, 0)).ShouldBe(new System.Numerics.Complex(0, 2));
        ComplexFunctions.Sqrt(new(-4, -0.0)).ShouldBe(new System.Numerics.Complex(0, -2));
        ComplexFunctions.Log(new(-1, -0.0)).Imaginary.ShouldBe(-Math.PI);
        ComplexFunctions.Asin(new(2, 0)).Imaginary.ShouldBeGreaterThan(0);
        ComplexFunctions.Asin(new(2, -0.0)).Imaginary.ShouldBeLessThan(0);
        ComplexFunctions.Atan(new(0, 2)).Real.ShouldBe(Math.PI / 2, 1e-15);
        ComplexFunctions.Atan(new(-0.0, 2)).Real.ShouldBe(-Math.PI / 2, 1e-15);
        ComplexFunctions.Abs(new(double.NaN, double.PositiveInfinity)).ShouldBe(double.PositiveInfinity);
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
