using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Linalg;

/// <summary>
/// Dask's blocked Cholesky factorization of a 2-d array in square chunks (a matrix in other chunks is rechunked to
/// square chunks of its first row chunk's size, where Dask asks the caller to rechunk). Block (i, j) of L, for j ≤ i:
/// <c>S = A[i, j] - Σ_{p&lt;j} L[i, p] L[j, p]ᴴ</c>, then <c>L[i, i] = cholesky(S)</c> on the diagonal and
/// <c>L[i, j] = solve(L[j, j], Sᴴ)ᴴ</c> below it; blocks above the diagonal are zeros. Only the lower triangle of a is
/// read (upper=True factors the conjugate transpose, reading the upper one, as NumPy).
/// </summary>
internal static class Cholesky
{
    public static ChunkedArray Factor(ChunkedContext context, ChunkedArray a, bool upper)
    {
        if (upper) return ConjugateTranspose(context, Lower(context, ConjugateTranspose(context, a)));
        return Lower(context, a);
    }

    private static ChunkedArray ConjugateTranspose(ChunkedContext context, ChunkedArray x)
    {
        ChunkedArray t = Manipulation.Transpose(context, x, Axes.All);
        return x.DType.IsComplex() ? Elementwise.Unary(context, ArrayFunctions.Conjugate, t) : t;
    }

    private static ChunkedArray Lower(ChunkedContext context, ChunkedArray a)
    {
        int n = a.Shape.Dims[0];
        bool square = a.Chunks.Sizes[0].AsSpan().SequenceEqual(a.Chunks.Sizes[1]);
        if (!square)
        {
            int size = Math.Max(1, a.Chunks[0][0]);
            a = Rechunk.To(context, a, Chunks.Regular(a.Shape, [size, size]));
        }
        bool complex = a.DType.IsComplex();
        string name = Names.Layer("cholesky", a.Name);
        var zeros = new Dispatch.Placement(Backend: context.BackendOf(a.Meta));
        string L(int i, int j) => Names.Key(name, [i, j]);
        return LayerBuilder.BuildSpec(context, name, "cholesky", a.Shape, a.Chunks, a.Meta, [a.Layer], index =>
        {
            int i = index[0], j = index[1];
            if (j > i)
            {
                return ([], TaskSpec.Create(ArrayFunctions.Full, new FullArgs(new Shape(a.Chunks.BlockShape(index)), a.DType, Scalar.Integer(0), zeros)));
            }
            // Inputs: A[i, j], then the pairs L[i, p], L[j, p] for p < j, then L[j, j] below the diagonal.
            var deps = new List<string> { a.KeyOf(i, j) };
            var products = new List<TaskSpec>();
            for (int p = 0; p < j; p++)
            {
                deps.Add(L(i, p));
                deps.Add(L(j, p));
                products.Add(TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(deps.Count - 2), TaskSpec.Slot(Adjoint(TaskSpec.Input(deps.Count - 1), complex)))));
            }
            TaskSpec s = products.Count == 0
                ? TaskSpec.Input(0)
                : TaskSpec.Call(ArrayFunctions.Subtract, new BinaryArgs(TaskSpec.Slot(0), TaskSpec.Slot(TaskSpec.Sum([.. products]))));
            if (i == j) return ([.. deps], TaskSpec.Call(ArrayFunctions.Cholesky, new HermitianArgs(TaskSpec.Slot(s))));
            deps.Add(L(j, j));
            TaskSpec solved = TaskSpec.Call(ArrayFunctions.Solve, new PairArgs(TaskSpec.Slot(deps.Count - 1), TaskSpec.Slot(Adjoint(s, complex))));
            return ([.. deps], Adjoint(solved, complex));
        });
    }

    /// <summary>The conjugate transpose of a block (the transpose of a real one).</summary>
    private static TaskSpec Adjoint(TaskSpec block, bool complex)
    {
        TaskSpec t = TaskSpec.Call(ArrayFunctions.Transpose, new AxesArgs(TaskSpec.Slot(block), Axes.All));
        return complex ? TaskSpec.Call(ArrayFunctions.Conjugate, new UnaryArgs(TaskSpec.Slot(t))) : t;
    }
}
