using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Products and linear algebra.</summary>
internal sealed class LinalgHandlers(ChunkedContext context)
{
    [Implements("matmul")]
    public DispatchResult<NDArray> MatMul(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Building.MatMul.Product(context, Wrap(args.A), Wrap(args.B));
    }

    [Implements("dot")]

    public DispatchResult<NDArray> Dot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        if (args.A.Rank > 2 || args.B.Rank > 2 || args.A.Rank == 0 || args.B.Rank == 0) return NotImplemented.Value;
        return Building.MatMul.Product(context, Wrap(args.A), Wrap(args.B));
    }

    [Implements("tensordot")]

    public DispatchResult<NDArray> Tensordot(in TensordotArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Building.Tensordot.Contract(context, Wrap(args.A), Wrap(args.B), args.AxesA, args.AxesB);
    }

    /// <summary>NumPy's <c>outer</c>: the flattened operands as a column and a row, multiplied blockwise.</summary>
    [Implements("outer")]
    public DispatchResult<NDArray> Outer(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray column = Manipulation.Reshape(context, Wrap(args.A), [-1, 1]);
        ChunkedArray row = Manipulation.Reshape(context, Wrap(args.B), [1, -1]);
        return Elementwise.Binary(context, ArrayFunctions.Multiply, column, row);
    }

    /// <summary>NumPy's <c>vdot</c>: the flattened operands' products (the first conjugated) summed in their dtype (bools or-ed).</summary>
    [Implements("vdot")]
    public DispatchResult<NDArray> Vdot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        if (args.A.Size != args.B.Size)
        {
            throw ManipulationRules.CannotReshape(args.B.Size, [checked((int)args.A.Size)]);
        }
        ChunkedArray a = Manipulation.Reshape(context, Wrap(args.A), [-1]), b = Manipulation.Reshape(context, Wrap(args.B), [-1]);
        return SumOfProducts(a, b, axis: 0);
    }

    /// <summary>The array API's <c>vecdot</c>: <c>sum(conj(a) * b, axis=-1)</c>, broadcasting the other axes.</summary>
    [Implements("vecdot")]
    public DispatchResult<NDArray> VecDot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray a = Wrap(args.A), b = Wrap(args.B);
        if (a.Rank == 0 || b.Rank == 0 || a.Shape.Dims[^1] != b.Shape.Dims[^1])
        {
            throw new ShapeMismatchException($"vecdot: the last axes of shapes {a.Shape} and {b.Shape} must have the same length", a.Shape, b.Shape);
        }
        return SumOfProducts(a, b, axis: -1);
    }

    // NumPy's vdot/vecdot loops: conj(a) * b in the operands' promoted dtype, summed in that dtype; a sum of bools is their or.
    private ChunkedArray SumOfProducts(ChunkedArray a, ChunkedArray b, int axis)
    {
        if (a.DType.IsComplex() || b.DType.IsComplex()) a = Elementwise.Unary(context, ArrayFunctions.Conjugate, a);
        ChunkedArray product = Elementwise.Binary(context, ArrayFunctions.Multiply, a, b);
        int[] axes = [Shape.NormalizeAxis(axis, product.Rank)];
        return product.DType == DType.Bool
            ? Reductions.Tree(context, ArrayFunctions.Any, ArrayFunctions.LogicalOr, product, axes, false, null)
            : Reductions.Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, product, axes, false, product.DType);
    }

    [Implements("linalg.qr")]

    public DispatchResult<QrResult> Qr(in QrArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        if (args.Mode == QrMode.Complete && x.Rank == 2 && x.Shape.Dims[0] > x.Shape.Dims[1])
        {
            throw new NotSupportedException($"chunked linalg.qr returns the reduced factors (TSQR): mode 'complete' is not supported for shape {x.Shape}");
        }
        var (q, r) = Tsqr.Qr(context, x);
        return new QrResult(args.Mode == QrMode.R ? null : q, r);
    }

    [Implements("linalg.svd")]

    public DispatchResult<SvdResult> Svd(in SvdArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var (u, s, vh) = Tsqr.Svd(context, Wrap(args.X), args.FullMatrices, args.ComputeUV);
        return new SvdResult(u, s, vh);
    }

    [Implements("linalg.solve")]

    public DispatchResult<NDArray> Solve(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        LinalgRules.RequireSquareStack(args.A);
        DType dtype = LinalgRules.ResultType(args.A, args.B);   // float16: NumPy's TypeError
        // Stacks of systems: dask.array.linalg.solve takes one 2-d system (a decline, not a wrong "not square").
        if (args.A.Rank > 2 || args.B.Rank > 2) return NotImplemented.Value;
        // Both in numpy.linalg's common dtype (complex64 with a bool right-hand side is complex128), as Dense.
        return ChunkedLinalg.Solve(context, As(Wrap(args.A), dtype), As(Wrap(args.B), dtype));
    }

    [Implements("linalg.lstsq")]

    public DispatchResult<LstsqResult> Lstsq(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        if (args.B is null) throw new ArgumentException("lstsq needs a right-hand side b", "b");
        DType dtype = LinalgRules.ResultType(args.X, args.B);
        // Both in numpy.linalg's common dtype, as Dense: R, the singular values and x are computed in it (a float32 a
        // with an int64 b has float64 singular values, not float32).
        return ChunkedLinalg.Lstsq(context, As(Wrap(args.X), dtype), As(Wrap(args.B), dtype), args.Tolerance);
    }

    /// <summary>
    /// NumPy's <c>cholesky</c>: a 2-d matrix by Dask's blocked algorithm (square chunks, see <see cref="Linalg.Cholesky"/>);
    /// a stack of matrices as one task on a single block (Dask has none).
    /// </summary>
    [Implements("linalg.cholesky")]
    public DispatchResult<NDArray> Cholesky(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        NDArray meta = context.Invoke(ArrayFunctions.Cholesky, args with { X = OneBlock.StandIn(context, x) });   // dtype, float16's error
        if (x.Rank > 2)
        {
            return OneBlock.Array(context, "cholesky", [x], TaskSpec.Call(ArrayFunctions.Cholesky, args with { X = TaskSpec.Slot(0) }), x.Shape, meta, args.Upper);
        }
        return Linalg.Cholesky.Factor(context, As(x, meta.DType), args.Upper);
    }

    /// <summary>
    /// NumPy's <c>inv</c>: a 2-d matrix as Dask's, <c>solve(a, eye)</c> (TSQR, one block of the result); a stack of matrices
    /// as one task on a single block.
    /// </summary>
    [Implements("linalg.inv")]
    public DispatchResult<NDArray> Inv(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        NDArray meta = context.Invoke(ArrayFunctions.Inv, new ArrayArgs(OneBlock.StandIn(context, x)));
        if (x.Rank > 2 || x.Size == 0)
        {
            return OneBlock.Array(context, "inv", [x], TaskSpec.Call(ArrayFunctions.Inv, new ArrayArgs(TaskSpec.Slot(0))), x.Shape, meta);
        }
        int n = x.Shape.Dims[0];
        ChunkedArray eye = Creation.Eye(context, new EyeArgs(n, n, 0, meta.DType, new Placement(Options: new Dictionary<string, object?> { [Creation.ChunksOption] = new[] { x.Chunks[0][0], -1 } })));
        return ChunkedLinalg.Solve(context, As(x, meta.DType), eye);
    }

    /// <summary>
    /// NumPy's <c>eig</c> (Dask has none), computed when called: its dtype depends on the data (real when every eigenvalue
    /// of a real stack is real, else complex), which a lazy array must know when it is built. The array in one block and
    /// the chunk backend's eig; the results are chunked arrays of the computed values.
    /// </summary>
    [Implements("linalg.eig")]
    public DispatchResult<EigResult> Eig(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        context.Invoke(ArrayFunctions.Eig, new ArrayArgs(OneBlock.StandIn(context, x)));   // NumPy's dtype errors before any compute
        EigResult r = context.Invoke(ArrayFunctions.Eig, new ArrayArgs(Computed(x)));
        return new EigResult(LayerBuilder.FromArray(context, r.Eigenvalues), LayerBuilder.FromArray(context, r.Eigenvectors));
    }

    /// <summary>NumPy's <c>eigvals</c>, computed when called as <see cref="Eig"/> (its dtype depends on the data).</summary>
    [Implements("linalg.eigvals")]
    public DispatchResult<NDArray> Eigvals(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        context.Invoke(ArrayFunctions.Eigvals, new ArrayArgs(OneBlock.StandIn(context, x)));
        return LayerBuilder.FromArray(context, context.Invoke(ArrayFunctions.Eigvals, new ArrayArgs(Computed(x))));
    }

    // The chunked operand of a function of square matrices, with NumPy's LinAlgError when it is not a stack of them.
    private ChunkedArray SquareStack(NDArray a)
    {
        ChunkedArray x = Wrap(a);
        LinalgRules.RequireSquareStack(x);
        return x;
    }

    private NDArray Computed(ChunkedArray x) => ChunkedCompute.Run([Rechunk.To(context, x, Chunks.Single(x.Shape))]).Arrays[0];

    /// <summary>NumPy's <c>det</c> (Dask has none): one task on a single block, the chunk backend's kernel.</summary>
    [Implements("linalg.det")]
    public DispatchResult<NDArray> Det(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        NDArray meta = context.Invoke(ArrayFunctions.Det, new ArrayArgs(OneBlock.StandIn(context, x)));
        return OneBlock.Array(context, "det", [x], TaskSpec.Call(ArrayFunctions.Det, new ArrayArgs(TaskSpec.Slot(0))), new Shape(x.Shape.Dims[..^2].ToArray()), meta);
    }

    /// <summary>NumPy's <c>slogdet</c> (Dask has none): one task on a single block; sign and log|det| are its parts.</summary>
    [Implements("linalg.slogdet")]
    public DispatchResult<SlogdetResult> Slogdet(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        SlogdetResult meta = context.Invoke(ArrayFunctions.Slogdet, new ArrayArgs(OneBlock.StandIn(context, x)));
        var compound = OneBlock.Compound(context, "slogdet", [x], TaskSpec.Call(ArrayFunctions.Slogdet, new ArrayArgs(TaskSpec.Slot(0))));
        var batch = new Shape(x.Shape.Dims[..^2].ToArray());
        return new SlogdetResult(OneBlock.Member(context, compound, "Sign", batch, meta.Sign), OneBlock.Member(context, compound, "LogAbsDet", batch, meta.LogAbsDet));
    }

    /// <summary>NumPy's <c>eigh</c> (Dask has none): one task on a single block; eigenvalues and eigenvectors are its parts.</summary>
    [Implements("linalg.eigh")]
    public DispatchResult<EighResult> Eigh(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        EighResult meta = context.Invoke(ArrayFunctions.Eigh, args with { X = OneBlock.StandIn(context, x) });
        var compound = OneBlock.Compound(context, "eigh", [x], TaskSpec.Call(ArrayFunctions.Eigh, args with { X = TaskSpec.Slot(0) }), args.Upper);
        return new EighResult(
            OneBlock.Member(context, compound, "Eigenvalues", new Shape(x.Shape.Dims[..^1].ToArray()), meta.Eigenvalues),
            OneBlock.Member(context, compound, "Eigenvectors", x.Shape, meta.Eigenvectors));
    }

    /// <summary>NumPy's <c>eigvalsh</c> (Dask has none): one task on a single block.</summary>
    [Implements("linalg.eigvalsh")]
    public DispatchResult<NDArray> Eigvalsh(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = SquareStack(args.X);
        NDArray meta = context.Invoke(ArrayFunctions.Eigvalsh, args with { X = OneBlock.StandIn(context, x) });
        return OneBlock.Array(context, "eigvalsh", [x], TaskSpec.Call(ArrayFunctions.Eigvalsh, args with { X = TaskSpec.Slot(0) }), new Shape(x.Shape.Dims[..^1].ToArray()), meta, args.Upper);
    }

    /// <summary>NumPy's <c>pinv</c> (Dask has none): one task on a single block.</summary>
    [Implements("linalg.pinv")]
    public DispatchResult<NDArray> Pinv(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types) || args.B is not null) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        LinalgRules.IsEmptyPinv(x, out Shape shape);   // NumPy's check, and the result's shape
        NDArray meta = context.Invoke(ArrayFunctions.Pinv, args with { X = OneBlock.StandIn(context, x) });
        return OneBlock.Array(context, "pinv", [x], TaskSpec.Call(ArrayFunctions.Pinv, args with { X = TaskSpec.Slot(0) }), shape, meta, args.Tolerance);
    }

    /// <summary>NumPy's <c>matrix_rank</c> (Dask has none): one task on a single block.</summary>
    [Implements("linalg.matrix_rank")]
    public DispatchResult<NDArray> MatrixRank(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types) || args.B is not null) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        NDArray meta = context.Invoke(ArrayFunctions.MatrixRank, args with { X = OneBlock.StandIn(context, x) });   // its errors (empty matrices)
        var shape = new Shape(x.Rank < 2 ? [] : x.Shape.Dims[..^2].ToArray());
        return OneBlock.Array(context, "matrix_rank", [x], TaskSpec.Call(ArrayFunctions.MatrixRank, args with { X = TaskSpec.Slot(0) }), shape, meta, args.Tolerance);
    }

    /// <summary>NumPy's <c>kron</c> as the protocol's one broadcast multiply (<see cref="ProductRules.KronShapes"/>), lazily: reshapes and a blockwise product.</summary>
    [Implements("kron")]
    public DispatchResult<NDArray> Kron(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray a = Wrap(args.A), b = Wrap(args.B);
        var (spreadA, spreadB, result) = ProductRules.KronShapes(a.Shape, b.Shape);
        ChunkedArray product = Elementwise.Binary(context, ArrayFunctions.Multiply,
            Manipulation.Reshape(context, a, spreadA.ToArray()), Manipulation.Reshape(context, b, spreadB.ToArray()));
        return Manipulation.Reshape(context, product, result.ToArray());
    }

    /// <summary>
    /// NumPy's <c>einsum</c> as one task on a single block (Dask's einsum is a blockwise contraction this does not build):
    /// every operand rechunked to one block, the chunk backend's einsum; the shape is the protocol's
    /// <see cref="ProductRules.EinsumShape"/>, the dtype the chunk backend's einsum of stand-ins.
    /// </summary>
    [Implements("einsum")]
    public DispatchResult<NDArray> Einsum(in EinsumArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray[] operands = [.. args.Operands.Select(Wrap)];
        Shape shape = ProductRules.EinsumShape(args.Subscripts, [.. operands.Select(o => o.Shape)]);
        NDArray meta = context.Invoke(ArrayFunctions.Einsum, new EinsumArgs(args.Subscripts, [.. operands.Select(o => OneBlock.StandIn(context, o))]));
        NDArray[] slots = [.. Enumerable.Range(0, operands.Length).Select(TaskSpec.Slot)];
        return OneBlock.Array(context, "einsum", operands, TaskSpec.Call(ArrayFunctions.Einsum, new EinsumArgs(args.Subscripts, slots)), shape, meta, args.Subscripts);
    }

    /// <summary>NumPy's <c>norm</c> as Dask's: tree reductions of |x|; the singular-value matrix norms on a single block (see <see cref="Norms"/>).</summary>
    [Implements("linalg.norm")]
    public DispatchResult<NDArray> Norm(in NormArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Norms.Build(context, Wrap(args.X), args) : NotImplemented.Value;

    private ChunkedArray As(ChunkedArray a, DType dtype) => a.DType == dtype ? a : Elementwise.AsType(context, a, dtype, Casting.Unsafe);

    private ChunkedArray Wrap(NDArray a) => a as ChunkedArray ?? LayerBuilder.FromArray(context, a);
}
