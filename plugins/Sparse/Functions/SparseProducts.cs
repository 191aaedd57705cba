using System.Numerics;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// <c>matmul</c>/<c>dot</c> of 1-d and 2-d operands: CSR @ dense vector (SpMV) and block (SpMM) give dense results, sparse
/// @ sparse (SpGEMM) gives CSR, dense @ sparse gives dense. Stacks of matrices (rank above 2) are declined. Also <c>kron</c>.
/// </summary>
internal sealed class SparseProducts(SparseContext ctx)
{
    [Implements("matmul")]
    public DispatchResult<NDArray> MatMul(in PairArgs args, ReadOnlySpan<Type> types) => Product(args, types, "matmul");

    [Implements("dot")]
    public DispatchResult<NDArray> Dot(in PairArgs args, ReadOnlySpan<Type> types) => Product(args, types, "dot");

    [Implements("kron")]
    public DispatchResult<NDArray> Kron(in PairArgs args, ReadOnlySpan<Type> types)
    {
        if (!HostInterop.Accepts(types, args.A, args.B) || args.A.Rank != 2 || args.B.Rank != 2) return NotImplemented.Value;
        return Kronecker.Product(AsSparse(args.A).ToCsr(), AsSparse(args.B).ToCsr());
    }

    private DispatchResult<NDArray> Product(in PairArgs args, ReadOnlySpan<Type> types, string name)
    {
        if (!HostInterop.Accepts(types, args.A, args.B)) return NotImplemented.Value;
        NDArray a = args.A, b = args.B;
        if (a.Rank is 0 or > 2 || b.Rank is 0 or > 2) return NotImplemented.Value;
        int k1 = a.Shape.Dims[a.Rank - 1];
        int k2 = b.Rank == 1 ? b.Shape.Dims[0] : b.Shape.Dims[0];
        if (k1 != k2)
        {
            throw new ShapeMismatchException(
                $"{name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {k2} is different from {k1})",
                "x2", a.Shape, b.Shape);
        }
        DType dtype = DTypes.Promote(a.DType, b.DType);
        // float16 accumulates in float32 and rounds once, as NumPy's float16 matmul loop (and no SIMD vector holds Half);
        // complex64 accumulates in complex128 (Complex64's own arithmetic widens each product anyway) and rounds once.
        DType compute = dtype switch
        {
            DType.Bool => DType.Int32,
            DType.Float16 => DType.Float32,
            DType.Complex64 => DType.Complex128,
            _ => dtype,
        };
        NDArray result = compute switch
        {
            DType.Int8 => Typed<sbyte>(a, b),
            DType.Int16 => Typed<short>(a, b),
            DType.UInt8 => Typed<byte>(a, b),
            DType.UInt16 => Typed<ushort>(a, b),
            DType.UInt32 => Typed<uint>(a, b),
            DType.UInt64 => Typed<ulong>(a, b),
            DType.Int32 => Typed<int>(a, b),
            DType.Int64 => Typed<long>(a, b),
            DType.Float32 => Typed<float>(a, b),
            DType.Float64 => Typed<double>(a, b),
            DType.Complex128 => Typed<Complex>(a, b),
            _ => throw SparseDTypes.Unsupported(dtype, name),
        };
        if (dtype == compute) return result;
        return result is SparseArray s
            ? Structure.WithValues(Structure.Canonical(s), ArrayOps.Cast(s.ValueBuffer, dtype))
            : ctx.Dense(ElementwiseEngine.Buffer(ArrayOps.Cast(HostInterop.ReadUntyped(result.ToHost()), dtype), result.Shape));
    }

    private NDArray Typed<T>(NDArray a, NDArray b) where T : unmanaged, INumberBase<T>
    {
        if (a is SparseArray sa && b is SparseArray sb)
        {
            CsrArray left = Matrix(sa, asRow: true), right = Matrix(sb, asRow: false);
            using SparseBuffer<T> lv = ArrayOps.As<T>(left.ValueBuffer), rv = ArrayOps.As<T>(right.ValueBuffer);
            (SparseBuffer<int> p, SparseBuffer<int> i, SparseBuffer<T> v) = SpGemm.Multiply(left.Shape.Dims[0], right.Shape.Dims[1],
                left.IndptrBuffer, left.IndicesBuffer, lv, right.IndptrBuffer, right.IndicesBuffer, rv);
            left.DisposeIfTemporary(sa);
            right.DisposeIfTemporary(sb);
            var product = new CsrArray(p, i, v, new Shape(left.Shape.Dims[0], right.Shape.Dims[1]), false, false);
            return VectorResult(product, a.Rank, b.Rank);
        }
        if (a is SparseArray s)
        {
            CsrArray m = Matrix(s, asRow: true);
            T[] dense = HostInterop.Read<T>(b);
            SparseBuffer<T> values = ArrayOps.As<T>(m.ValueBuffer);
            int mRows = m.Shape.Dims[0];
            if (b.Rank == 1)
            {
                // The product is written into the dense backend's own new array (no .NET array copied by asarray).
                if (a.Rank != 1 && ctx.EmptyDense<T>(new Shape(mRows)) is var (vector, vectorBytes))
                {
                    SpMV.MultiplyInto(mRows, m.IndptrBuffer, m.IndicesBuffer, values, dense, new DenseRows<T>(vectorBytes, 1));
                    m.DisposeIfTemporary(s);
                    return vector;
                }
                T[] y = SpMV.Multiply(mRows, m.IndptrBuffer, m.IndicesBuffer, values, dense);
                m.DisposeIfTemporary(s);
                return Dense(y, a.Rank == 1 ? Shape.Scalar : new Shape(y.Length));
            }
            int n = b.Shape.Dims[1];
            Shape productShape = a.Rank == 1 ? new Shape(n) : new Shape(mRows, n);
            if (ctx.EmptyDense<T>(productShape) is var (product, productBytes))
            {
                SpMM.MultiplyInto(mRows, m.IndptrBuffer, m.IndicesBuffer, values, dense, n, new DenseRows<T>(productBytes, n));
                m.DisposeIfTemporary(s);
                return product;
            }
            T[] block = SpMM.Multiply(mRows, m.IndptrBuffer, m.IndicesBuffer, values, dense, n);
            m.DisposeIfTemporary(s);
            return Dense(block, productShape);
        }
        CsrArray right2 = Matrix((SparseArray)b, asRow: false);
        T[] d = HostInterop.Read<T>(a);
        int rows = a.Rank == 1 ? 1 : a.Shape.Dims[0];
        T[] r = SpMV.DenseTimesCsr(d, rows, right2.Shape.Dims[0], right2.IndptrBuffer, right2.IndicesBuffer, ArrayOps.As<T>(right2.ValueBuffer), right2.Shape.Dims[1]);
        right2.DisposeIfTemporary((SparseArray)b);
        Shape shape = a.Rank == 1 ? (b.Rank == 1 ? Shape.Scalar : new Shape(right2.Shape.Dims[1])) : (b.Rank == 1 ? new Shape(rows) : new Shape(rows, right2.Shape.Dims[1]));
        return Dense(r, shape);
    }

    /// <summary>A sparse operand as a CSR matrix: 1-d vectors become a row (left operand) or a column (right operand).</summary>
    private static CsrArray Matrix(SparseArray x, bool asRow)
    {
        if (x.Rank == 2) return x.ToCsr();
        CooArray v = x.ToCoo().SumDuplicates();
        int n = v.Shape.Dims[0];
        SparseBuffer<int> zeros = SparseBuffers.Allocate<int>(v.Nnz, clear: true);
        SparseBuffer<int> positions = v.CoordBuffers[0];
        using CooArray m = asRow
            ? new CooArray([zeros, positions], v.ValueBuffer, new Shape(1, n), true)
            : new CooArray([positions, zeros], v.ValueBuffer, new Shape(n, 1), true);
        v.DisposeIfTemporary(x);
        return m.ToCsr();
    }

    private NDArray VectorResult(CsrArray product, int rankA, int rankB)
    {
        if (rankA == 2 && rankB == 2) return product;
        if (rankA == 1 && rankB == 1)
        {
            HostBuffer h = product.ToHostManaged();
            return ctx.Dense(new HostBuffer(h.Data, h.DType, Shape.Scalar, []));
        }
        CooArray coo = product.ToCoo().SumDuplicates();
        var result = rankA == 1
            ? new CooArray([coo.CoordBuffers[1]], coo.ValueBuffer, new Shape(product.Shape.Dims[1]), true)
            : new CooArray([coo.CoordBuffers[0]], coo.ValueBuffer, new Shape(product.Shape.Dims[0]), true);
        coo.DisposeIfTemporary(product);
        product.Dispose();
        return result;
    }

    private NDArray Dense<T>(T[] values, Shape shape) where T : unmanaged =>
        ctx.Dense(shape.Rank == 0 ? HostBuffer.FromContiguous(values, Shape.Scalar) : HostBuffer.FromContiguous(values, shape));

    private static SparseArray AsSparse(NDArray x) => x as SparseArray ?? Kernels.DenseToSparse.Convert(x.ToHost(), SparseFormat.Csr);
}
