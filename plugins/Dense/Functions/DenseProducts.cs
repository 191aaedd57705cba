using ArrayDispatch.Dense.Storage;
using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// Products that are not factorizations: <c>matmul</c> (batched, broadcast, NumPy's 1-d rules), <c>dot</c>, <c>vecdot</c>,
/// <c>outer</c>, <c>kron</c>, <c>tensordot</c> and <c>einsum</c>. float32/float64 products go to
/// <see cref="LinalgKernels.Gemm{T}"/> (BLAS when present); integer and bool products to a managed kernel.
/// </summary>
public static class DenseProducts
{
    [Implements("matmul")]
    public static DispatchResult<NDArray> MatMulOf(in PairArgs args, ReadOnlySpan<Type> types) =>
        Matmul((DenseArray)args.A, (DenseArray)args.B);

    internal static DenseArray Matmul(DenseArray a, DenseArray b)
    {
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new ArgumentException($"matmul: Input operand {(a.Rank == 0 ? 0 : 1)} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)", a.Rank == 0 ? "a" : "b");
        }
        // NumPy multiplies and adds float16 in float32 and rounds each result element once (before the 1-d operands are
        // expanded below, so the float32 product removes the added axes itself).
        if (DTypes.Promote(a.DType, b.DType) == DType.Float16) return Copy.Cast(Matmul(Copy.Cast(a, DType.Float32), Copy.Cast(b, DType.Float32)), DType.Float16);
        bool vectorA = a.Rank == 1, vectorB = b.Rank == 1;
        if (vectorA) a = Views.ExpandDims(a, [0]);
        if (vectorB) b = Views.ExpandDims(b, [1]);
        int m = a.Shape.Dims[^2], k = a.Shape.Dims[^1], k2 = b.Shape.Dims[^2], n = b.Shape.Dims[^1];
        if (k != k2)
        {
            throw new ShapeMismatchException($"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {k2} is different from {k})", a.Shape, b.Shape);
        }
        if (a.Rank == 2 && b.Rank == 2 && a.DType == b.DType && a.DType is DType.Float64 or DType.Float32 && LinalgKernels.Native is { HasGemm: true }
            && (long)m * n <= int.MaxValue && BlasOperand.TryOf(a, out BlasOperand oa) && BlasOperand.TryOf(b, out BlasOperand ob)
            && oa.Span <= int.MaxValue && ob.Span <= int.MaxValue)
        {
            DenseArray product = a.DType == DType.Float64 ? InPlace<double>(a, oa, b, ob, m, n, k) : InPlace<float>(a, oa, b, ob, m, n, k);
            return Views.Reshape(product, new Shape([.. (vectorA ? [] : new[] { m }), .. (vectorB ? [] : new[] { n })]));
        }
        Shape batchA = new(a.Shape.Dims[..^2]), batchB = new(b.Shape.Dims[..^2]);
        Shape batch = Ufunc.Broadcast(batchA, batchB);
        DType dtype = DTypes.Promote(a.DType, b.DType);
        DType ct = dtype == DType.Bool ? DType.Int32 : dtype;
        DenseArray ac = Copy.Contiguous(Views.BroadcastTo(Copy.As(a, ct), new Shape([.. batch.Dims, m, k])));
        DenseArray bc = Copy.Contiguous(Views.BroadcastTo(Copy.As(b, ct), new Shape([.. batch.Dims, k, n])));
        DenseArray c = DenseArray.Create(ct, new Shape([.. batch.Dims, m, n]));
        long count = batch.Size;
        for (long i = 0; i < count; i++) Gemm(ct, m, n, k, ac, i * m * k, bc, i * k * n, c, i * m * n);
        if (dtype == DType.Bool) c = Copy.Cast(c, DType.Bool);
        int[] dims = c.Shape.ToArray();
        var final = new List<int>(dims[..^2]);
        if (!vectorA) final.Add(m);
        if (!vectorB) final.Add(n);
        return Views.Reshape(c, new Shape([.. final]));
    }

    /// <summary>
    /// A 2-d float product read where the operands lie (NumPy's BLAS path): transposed views and row slices go to gemm by
    /// its transpose flags and leading dimensions instead of being copied, and <c>x.T @ x</c> / <c>x @ x.T</c> to syrk.
    /// </summary>
    private static DenseArray InPlace<T>(DenseArray a, BlasOperand oa, DenseArray b, BlasOperand ob, int m, int n, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        DenseArray c = DenseArray.CreateUninitialized(DTypes.Of<T>(), new Shape(m, n));
        Elements<T> ec = c.Elements<T>(), ea = a.ReadElements<T>(), eb = b.ReadElements<T>();
        ReadOnlySpan<T> sa = ea.AsSpan(oa.Offset, checked((int)oa.Span)), sb = eb.AsSpan(ob.Offset, checked((int)ob.Span));
        Span<T> sc = ec.AsSpan(0, m * n);
        if (BlasOperand.IsGram(a, oa, b, ob)) LinalgKernels.Gram(oa.Transposed, m, k, sa, oa.LeadingDimension, sc);
        else LinalgKernels.Gemm(oa.Transposed, ob.Transposed, m, n, k, T.One, sa, oa.LeadingDimension, sb, ob.LeadingDimension, T.Zero, sc, Math.Max(n, 1));
        ea.KeepAlive();
        eb.KeepAlive();
        ec.KeepAlive();
        return c;
    }

    /// <summary>One contiguous product C = A·B at the given offsets, dispatched on the element type.</summary>
    internal static void Gemm(DType dtype, int m, int n, int k, DenseArray a, long ao, DenseArray b, long bo, DenseArray c, long co)
    {
        switch (dtype)
        {
            case DType.Float64: Blas<double>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Float32: Blas<float>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Int64: Managed<long>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Int32: Managed<int>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Int8: Managed<sbyte>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Int16: Managed<short>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.UInt8: Managed<byte>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.UInt16: Managed<ushort>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.UInt32: Managed<uint>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.UInt64: Managed<ulong>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Complex64: ComplexBlas<Complex64>(m, n, k, a, ao, b, bo, c, co); break;
            case DType.Complex128: ComplexBlas<Complex>(m, n, k, a, ao, b, bo, c, co); break;
            default: throw Errors.Unsupported("matmul", dtype);
        }
    }

    private static void Managed<T>(int m, int n, int k, DenseArray a, long ao, DenseArray b, long bo, DenseArray c, long co) where T : unmanaged, INumber<T> =>
        MatMul.Gemm(m, n, k, a.ReadElements<T>(), ao, b.ReadElements<T>(), bo, c.Elements<T>(), co);

    private static void Blas<T>(int m, int n, int k, DenseArray a, long ao, DenseArray b, long bo, DenseArray c, long co) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        Elements<T> ec = c.Elements<T>(), ea = a.ReadElements<T>(), eb = b.ReadElements<T>();
        ReadOnlySpan<T> sa = ea.AsSpan(ao, m * k), sb = eb.AsSpan(bo, k * n);
        Span<T> sc = ec.AsSpan(co, m * n);
        LinalgKernels.Gemm(false, false, m, n, k, T.One, sa, Math.Max(k, 1), sb, Math.Max(n, 1), T.Zero, sc, Math.Max(n, 1));
        ea.KeepAlive();
        eb.KeepAlive();
        ec.KeepAlive();
    }

    // cgemm/zgemm when an optimised BLAS with complex routines is loaded (as NumPy), else the managed complex loop.
    private static void ComplexBlas<TC>(int m, int n, int k, DenseArray a, long ao, DenseArray b, long bo, DenseArray c, long co) where TC : unmanaged, INumberBase<TC>
    {
        Elements<TC> ec = c.Elements<TC>(), ea = a.ReadElements<TC>(), eb = b.ReadElements<TC>();
        bool done = m > 0 && n > 0 && LinalgKernels.TryComplexGemm<TC>(m, n, k, ea.AsSpan(ao, m * k), eb.AsSpan(bo, k * n), ec.AsSpan(co, m * n));
        if (!done) MatMul.ComplexGemm(m, n, k, ea, ao, eb, bo, ec, co);
        ea.KeepAlive();
        eb.KeepAlive();
        ec.KeepAlive();
    }

    [Implements("dot")]
    public static DispatchResult<NDArray> Dot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        var a = (DenseArray)args.A;
        var b = (DenseArray)args.B;
        if (a.Rank == 0 || b.Rank == 0) return DenseUfuncs.Call(ArrayFunctions.Multiply, a, b, NumericDType(a, b));
        if (a.Rank <= 2 && b.Rank <= 2) return Matmul(a, b);
        return TensorDot(a, b, [a.Rank - 1], [b.Rank == 1 ? 0 : b.Rank - 2]);
    }

    [Implements("vecdot")]
    public static DispatchResult<NDArray> VecDot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        var a = (DenseArray)args.A;
        var b = (DenseArray)args.B;
        if (a.Rank == 0 || b.Rank == 0 || a.Shape.Dims[^1] != b.Shape.Dims[^1])
        {
            throw new ShapeMismatchException($"vecdot: the last axes of shapes {a.Shape} and {b.Shape} must have the same length", a.Shape, b.Shape);
        }
        // NumPy 2's vecdot conjugates the first operand (the Hermitian inner product).
        DType dtype = NumericDType(a, b);
        if (dtype.IsComplex()) a = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Conjugate, new UnaryArgs(Copy.As(a, dtype)));
        var product = DenseUfuncs.Call(ArrayFunctions.Multiply, a, b, dtype);
        return DenseReductions.SumOfProducts(product, [product.Rank - 1]);
    }

    [Implements("vdot")]
    public static DispatchResult<NDArray> Vdot(in PairArgs args, ReadOnlySpan<Type> types)
    {
        var a = (DenseArray)args.A;
        var b = (DenseArray)args.B;
        if (a.Size != b.Size) throw ManipulationRules.CannotReshape(b.Size, [checked((int)a.Size)]);
        DType dtype = DTypes.Promote(a.DType, b.DType);
        a = Views.Reshape(Copy.As(a, dtype), a.Shape.Flattened());
        b = Views.Reshape(b, b.Shape.Flattened());
        if (dtype.IsComplex()) a = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Conjugate, new UnaryArgs(a));
        var product = DenseUfuncs.Call(ArrayFunctions.Multiply, a, b, dtype);
        return DenseReductions.SumOfProducts(product, [0]);
    }

    [Implements("outer")]
    public static DispatchResult<NDArray> Outer(in PairArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray a = Views.Reshape((DenseArray)args.A, new Shape((int)args.A.Size, 1));
        DenseArray b = Views.Reshape((DenseArray)args.B, new Shape(1, (int)args.B.Size));
        return DenseUfuncs.Call(ArrayFunctions.Multiply, a, b, NumericDType(a, b));
    }

    [Implements("kron")]
    public static DispatchResult<NDArray> Kron(in PairArgs args, ReadOnlySpan<Type> types)
    {
        var a = (DenseArray)args.A;
        var b = (DenseArray)args.B;
        (Shape spreadA, Shape spreadB, Shape result) = ProductRules.KronShapes(a.Shape, b.Shape);
        var product = DenseUfuncs.Call(ArrayFunctions.Multiply, Views.Reshape(a, spreadA), Views.Reshape(b, spreadB), NumericDType(a, b));
        return Views.Reshape(product, result);
    }

    [Implements("tensordot")]
    public static DispatchResult<NDArray> Tensordot(in TensordotArgs args, ReadOnlySpan<Type> types) =>
        TensorDot((DenseArray)args.A, (DenseArray)args.B, args.AxesA, args.AxesB);

    internal static DenseArray TensorDot(DenseArray a, DenseArray b, int[] axesA, int[] axesB)
    {
        TensordotPlan plan = ProductRules.Tensordot(a.Shape, b.Shape, axesA, axesB);
        DenseArray am = Views.Reshape(Views.Transpose(a, plan.PermA), new Shape(plan.M, plan.K));
        DenseArray bm = Views.Reshape(Views.Transpose(b, plan.PermB), new Shape(plan.K, plan.N));
        return Views.Reshape(Matmul(am, bm), plan.Result);
    }

    [Implements("einsum")]
    public static DispatchResult<NDArray> Einsum(in EinsumArgs args, ReadOnlySpan<Type> types) =>
        DenseEinsum.Run(args.Subscripts, args.Operands.Cast<DenseArray>().ToArray());

    // The products' dtype: the operands' promotion, bool included (np.outer, np.kron and np.dot of bools are bool).
    private static DType NumericDType(DenseArray a, DenseArray b) => DTypes.Promote(a.DType, b.DType);
}
