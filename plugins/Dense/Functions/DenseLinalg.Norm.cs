using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

// linalg.norm: vector norms over one axis, matrix norms over two, the Frobenius norm of everything by default.
public static partial class DenseLinalg
{
    [Implements("linalg.norm")]
    public static DispatchResult<NDArray> Norm(in NormArgs args, ReadOnlySpan<Type> types)
    {
        // NumPy's norm is sums and a square root, not LAPACK, so float16 answers (in float16); computed here in float32
        // and rounded once.
        if (args.X.DType == DType.Float16)
        {
            LinalgRules.RefuseFloat16SingularValueNorm(args.X, args.Ord, args.Axis);   // ...but not by svd
            NDArray wide = Norm(args with { X = Copy.Cast((DenseArray)args.X, DType.Float32) }, types).Value;
            return Copy.Cast((DenseArray)wide, DType.Float16);
        }
        if (args.X.DType.IsComplex()) return ComplexNorm((DenseArray)args.X, args, types);
        DenseArray x = LinalgInput.Prepare(args.X, LinalgInput.ResultType(args.X));
        return x.DType == DType.Float32 ? NormOf<float>(x, args.Ord, args.Axis, args.KeepDims) : NormOf<double>(x, args.Ord, args.Axis, args.KeepDims);
    }

    // Every norm but the singular-value ones (matrix 2, -2, nuc) is the norm of |x|: fro and the vector p-norms sum
    // powers of |x|, the matrix 1/inf norms sum |x| along columns/rows; so those take the real path on abs(x), which
    // answers in the real dtype of x's precision as NumPy.
    private static NDArray ComplexNorm(DenseArray x, in NormArgs args, ReadOnlySpan<Type> types)
    {
        NormOrder ord = args.Ord;
        string? kind = ord.Named == "nuc" ? "nuc" : ord.P == 2 ? "2" : ord.P == -2 ? "-2" : null;
        int[]? axes = args.Axis.IsAll ? (x.Rank == 2 && !ord.IsDefault ? [0, 1] : null) : args.Axis.Values.ToArray();
        if (kind is not null && axes is { Length: 2 })
        {
            int r = Shape.NormalizeAxis(axes[0], x.Rank), c = Shape.NormalizeAxis(axes[1], x.Rank);
            if (r == c) throw new ArgumentException("Duplicate axes given.", "axis");
            return ComplexSingularNorm(x, kind, r, c, args.KeepDims);
        }
        var abs = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Abs, new UnaryArgs(x));
        return Norm(args with { X = abs }, types).Value;
    }

    private static DenseArray NormOf<T>(DenseArray x, NormOrder ord, Axes axis, bool keepDims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nd = x.Rank;
        int[] axes;
        if (axis.IsAll)
        {
            bool frobenius = ord.IsDefault || (ord.Named == "fro" && nd == 2) || (ord.P == 2 && nd == 1);
            if (frobenius)
            {
                T value = T.CreateTruncating(Math.Sqrt(SumSquares<T>(x.AsSpan<T>())));
                var ones = new int[keepDims ? nd : 0];
                Array.Fill(ones, 1);
                return LinalgInput.Wrap(new[] { value }, new Shape(ones));
            }
            axes = new int[nd];
            for (int i = 0; i < nd; i++) axes[i] = i;
        }
        else
        {
            axes = axis.Values.ToArray();
            for (int i = 0; i < axes.Length; i++) axes[i] = Shape.NormalizeAxis(axes[i], nd);
        }
        if (axes.Length == 1) return VectorNorm<T>(x, ord, axes[0], keepDims);
        if (axes.Length == 2)
        {
            if (axes[0] == axes[1]) throw new ArgumentException("Duplicate axes given.", nameof(axis));
            return MatrixNorm<T>(x, ord, axes[0], axes[1], keepDims);
        }
        throw new ArgumentException("Improper number of dimensions to norm.", nameof(axis));
    }

    /// <summary>The array with <paramref name="last"/> moved to the end (in that order), C-contiguous.</summary>
    private static DenseArray MoveToEnd(DenseArray x, params ReadOnlySpan<int> last)
    {
        int nd = x.Rank;
        var order = new List<int>(nd);
        for (int i = 0; i < nd; i++) if (!last.Contains(i)) order.Add(i);
        foreach (int a in last) order.Add(a);
        var dims = new int[nd];
        var strides = new long[nd];
        for (int i = 0; i < nd; i++) { dims[i] = x.Shape.Dims[order[i]]; strides[i] = x.Strides[order[i]]; }
        return x.View(new Shape(dims), strides, x.Offset).EnsureContiguous();
    }

    private static Shape Reduced(Shape shape, bool keepDims, params ReadOnlySpan<int> axes)
    {
        var dims = new List<int>();
        for (int i = 0; i < shape.Rank; i++)
        {
            if (!axes.Contains(i)) dims.Add(shape.Dims[i]);
            else if (keepDims) dims.Add(1);
        }
        return new Shape(dims.ToArray());
    }

    private static DenseArray VectorNorm<T>(DenseArray x, NormOrder ord, int axis, bool keepDims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ord.Named is { } name) throw new ArgumentException($"Invalid norm order '{name}' for vectors", "ord");
        double p = ord.P ?? 2;
        DenseArray moved = MoveToEnd(x, axis);
        int len = x.Shape.Dims[axis];
        if (len == 0 && double.IsInfinity(p))   // even with nothing to reduce into: NumPy's max/min of an empty axis
            throw NumPyErrors.EmptyReduction(p > 0 ? "maximum" : "minimum", null);
        ReadOnlySpan<T> data = moved.AsSpan<T>();
        int count = len == 0 ? (int)(Reduced(x.Shape, false, axis).Size) : data.Length / len;
        T[] result = new T[count];
        for (int i = 0; i < count; i++)
            result[i] = T.CreateTruncating(VectorNormOf(data.Slice(i * len, len), p));
        return LinalgInput.Wrap(result, Reduced(x.Shape, keepDims, axis));
    }

    private static double VectorNormOf<T>(ReadOnlySpan<T> v, double p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (p == 2) return Math.Sqrt(SumSquares(v));
        if (double.IsPositiveInfinity(p) || double.IsNegativeInfinity(p))
        {
            bool max = p > 0;
            double best = max ? 0 : double.PositiveInfinity;
            // NumPy's abs(x).max() / .min(): an empty vector has neither
            if (v.Length == 0) throw NumPyErrors.EmptyReduction(max ? "maximum" : "minimum", null);
            foreach (T e in v)
            {
                double a = Math.Abs(double.CreateTruncating(e));
                best = max ? Math.Max(best, a) : Math.Min(best, a);
            }
            return best;
        }
        if (p == 0)
        {
            int nz = 0;
            foreach (T e in v) if (e != T.Zero) nz++;
            return nz;
        }
        double sum = 0;
        if (p == 1) { foreach (T e in v) sum += Math.Abs(double.CreateTruncating(e)); return sum; }
        foreach (T e in v) sum += Math.Pow(Math.Abs(double.CreateTruncating(e)), p);
        return Math.Pow(sum, 1 / p);
    }

    private static double SumSquares<T>(ReadOnlySpan<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) return double.CreateTruncating(VectorOps.Dot(v, v));
        double s = 0;
        foreach (T e in v) { double d = double.CreateTruncating(e); s += d * d; }
        return s;
    }

    private static DenseArray MatrixNorm<T>(DenseArray x, NormOrder ord, int rowAxis, int colAxis, bool keepDims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string kind = ord.Named ?? (ord.P switch
        {
            null => "fro",
            2 => "2", -2 => "-2", 1 => "1", -1 => "-1",
            double.PositiveInfinity => "inf", double.NegativeInfinity => "-inf",
            _ => throw new ArgumentException("Invalid norm order for matrices.", "ord"),
        });
        DenseArray moved = MoveToEnd(x, rowAxis, colAxis);
        int m = x.Shape.Dims[rowAxis], n = x.Shape.Dims[colAxis];
        Shape outShape = Reduced(x.Shape, keepDims, rowAxis, colAxis);
        int count = (int)Reduced(x.Shape, false, rowAxis, colAxis).Size;
        ReadOnlySpan<T> data = moved.AsSpan<T>();
        T[] result = new T[count];
        T[] s = new T[Math.Min(m, n)];
        for (int b = 0; b < count; b++)
        {
            ReadOnlySpan<T> a = data.Slice(b * m * n, m * n);
            double value;
            switch (kind)
            {
                case "fro":
                    value = Math.Sqrt(SumSquares(a));
                    break;
                case "nuc" or "2" or "-2":
                    LinalgKernels.Svd(m, n, a, s, default, default, false, false);
                    if (s.Length == 0 && kind != "nuc") throw NumPyErrors.EmptyReduction(kind == "2" ? "maximum" : "minimum", null);
                    value = kind == "nuc" ? s.Sum(double.CreateTruncating) : double.CreateTruncating(kind == "2" ? s[0] : s[^1]);
                    break;
                default:
                    // 1 / -1: extreme column sum of |a|; inf / -inf: extreme row sum.
                    bool columns = kind is "1" or "-1", max = kind is "1" or "inf";
                    int outer = columns ? n : m, inner = columns ? m : n;
                    if (outer == 0) throw NumPyErrors.EmptyReduction(max ? "maximum" : "minimum", null);
                    value = max ? 0 : double.PositiveInfinity;
                    for (int o = 0; o < outer; o++)
                    {
                        double sum = 0;
                        for (int i = 0; i < inner; i++) sum += Math.Abs(double.CreateTruncating(columns ? a[i * n + o] : a[o * n + i]));
                        value = max ? Math.Max(value, sum) : Math.Min(value, sum);
                    }
                    break;
            }
            result[b] = T.CreateTruncating(value);
        }
        return LinalgInput.Wrap(result, outShape);
    }
}
