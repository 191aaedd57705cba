using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Functions;

/// <summary>numpy.linalg's argument rules, written once in the protocol for every backend.</summary>
public sealed class LinalgRulesTests
{
    [Theory]
    [InlineData(DType.Float32, DType.Float32, DType.Float32)]
    [InlineData(DType.Float32, DType.Float64, DType.Float64)]
    [InlineData(DType.Int32, DType.Float32, DType.Float64)]        // integers compute in double precision
    [InlineData(DType.Bool, DType.Bool, DType.Float64)]
    [InlineData(DType.Float32, DType.Complex64, DType.Complex64)]
    [InlineData(DType.Complex64, DType.Float64, DType.Complex128)]
    [InlineData(DType.Int64, DType.Complex64, DType.Complex128)]
    public void ResultType_is_numpy_linalgs_common_type(DType a, DType b, DType expected) =>
        LinalgRules.ResultType(new Fake(a, 2, 2), new Fake(b, 2)).ShouldBe(expected);

    [Fact]
    public void ResultType_refuses_float16_with_numpys_message_and_skips_absent_arguments()
    {
        LinalgRules.ResultType(new Fake(DType.Float32, 2, 2), null).ShouldBe(DType.Float32);
        Should.Throw<DTypeMismatchException>(() => LinalgRules.ResultType(new Fake(DType.Float16, 2, 2)))
            .Message.ShouldBe("array type float16 is unsupported in linalg");
    }

    [Fact]
    public void Solve_reads_b_as_vectors_when_it_has_one_dimension_less_and_broadcasts_the_batch()
    {
        SolveShapes vector = LinalgRules.Solve(new Fake(DType.Float64, 4, 3, 3), new Fake(DType.Float64, 4, 3));
        vector.ShouldBe(new SolveShapes(3, 1, true, new Shape(4)));
        vector.Result.ShouldBe(new Shape(4, 3));
        SolveShapes matrices = LinalgRules.Solve(new Fake(DType.Float64, 3, 3), new Fake(DType.Float64, 2, 3, 5));
        matrices.ShouldBe(new SolveShapes(3, 5, false, new Shape(2)));
        matrices.Result.ShouldBe(new Shape(2, 3, 5));
    }

    [Fact]
    public void Solve_names_b_and_both_shapes_when_the_core_sizes_differ()
    {
        var ex = Should.Throw<ShapeMismatchException>(() => LinalgRules.Solve(new Fake(DType.Float64, 3, 3), new Fake(DType.Float64, 4)));
        ex.Message.ShouldContain("solve1: Input operand 1 has a mismatch in its core dimension 0");
        ex.Message.ShouldContain("(size 4 is different from 3)");
        ex.ParamName.ShouldBe("b");
    }

    [Fact]
    public void Split_reads_a_stack_of_matrices_and_Join_builds_a_result_shape_from_its_batch()
    {
        var (batch, count, rows, cols) = LinalgRules.Split(new Shape(2, 3, 4, 5));
        batch.ShouldBe([2, 3]);
        count.ShouldBe(6);
        (rows, cols).ShouldBe((4, 5));
        LinalgRules.Join(batch, rows).ShouldBe(new Shape(2, 3, 4));
        LinalgRules.Split(new Shape(0, 2, 2)).Count.ShouldBe(0);
        Should.Throw<LinAlgException>(() => LinalgRules.Split(new Shape(7)));
    }

    [Fact]
    public void Matrix_checks_give_numpys_messages()
    {
        Should.Throw<LinAlgException>(() => LinalgRules.RequireStack(new Fake(DType.Float64, 3)))
            .Message.ShouldBe("1-dimensional array given. Array must be at least two-dimensional");
        Should.Throw<LinAlgException>(() => LinalgRules.RequireSquareStack(new Fake(DType.Float64, 2, 3)))
            .Message.ShouldBe("Last 2 dimensions of the array must be square");
        Should.Throw<LinAlgException>(() => LinalgRules.RequireMatrix(new Fake(DType.Float64, 2, 2, 2)))
            .Message.ShouldBe("3-dimensional array given. Array must be two-dimensional");
    }

    private sealed class Fake(DType dtype, params int[] dims) : NDArray
    {
        public override Shape Shape => new(dims);

        public override DType DType => dtype;

        public override HostBuffer ToHost() => throw new InvalidOperationException("not read");
    }
}
