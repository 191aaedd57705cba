using ArrayDispatch.Functions;

namespace ArrayDispatch.Gpu;

/// <summary>
/// <c>linalg.norm</c> on the device, with Dense's rules: vector norms over one axis (every order: 2, ±∞, 0, 1, any p),
/// matrix norms over two ('fro', 'nuc', ±1, ±2, ±∞), the Frobenius norm of everything by default; <c>keepdims</c>.
/// Sums and extremes run on the plugin's reduction kernels in float64 (Dense sums in double too) and round once to the
/// input's precision (float32 stays float32, float16 answers float16, everything else float64); the 2, -2 and nuclear
/// norms take the singular values from <see cref="GpuSvd"/>.
/// </summary>
internal static class GpuNorm
{
    public static GpuArray Norm(GpuArray x, NormOrder ord, Axes axis, bool keepDims)
    {
        if (x.DType.IsComplex()) throw GpuDTypes.Unsupported(x.DType, "linalg.norm");
        LinalgRules.RefuseFloat16SingularValueNorm(x, ord, axis);
        DType result = x.DType is DType.Float32 or DType.Float16 ? x.DType : DType.Float64;
        using GpuArray xd = GpuOps.Cast(x, DType.Float64);
        using GpuArray norm = NormOf(xd, ord, axis, keepDims);
        return GpuOps.Convert(norm, result);
    }

    private static GpuArray NormOf(GpuArray x, NormOrder ord, Axes axis, bool keepDims)
    {
        int nd = x.Rank;
        int[] axes;
        if (axis.IsAll)
        {
            bool frobenius = ord.IsDefault || (ord.Named == "fro" && nd == 2) || (ord.P == 2 && nd == 1);
            if (frobenius)
            {
                int[] all = Enumerable.Range(0, nd).ToArray();
                return Sqrt(Sum(Map<Ufuncs.SquareOp>(x), all, keepDims));
            }
            axes = Enumerable.Range(0, nd).ToArray();
        }
        else
        {
            axes = axis.Values.ToArray();
            for (int i = 0; i < axes.Length; i++) axes[i] = Shape.NormalizeAxis(axes[i], nd);
        }
        if (axes.Length == 1) return VectorNorm(x, ord, axes[0], keepDims);
        if (axes.Length == 2)
        {
            if (axes[0] == axes[1]) throw new ArgumentException("Duplicate axes given.", nameof(axis));
            return MatrixNorm(x, ord, axes[0], axes[1], keepDims);
        }
        throw new ArgumentException("Improper number of dimensions to norm.", nameof(axis));
    }

    private static GpuArray VectorNorm(GpuArray x, NormOrder ord, int axis, bool keepDims)
    {
        if (ord.Named is { } name) throw new ArgumentException($"Invalid norm order '{name}' for vectors", "ord");
        double p = ord.P ?? 2;
        int[] axes = [axis];
        if (x.Shape.Dims[axis] == 0)
        {
            // NumPy's abs(x).max() / .min() over an empty axis
            if (double.IsInfinity(p)) throw NumPyErrors.EmptyReduction(p > 0 ? "maximum" : "minimum", null);
            double empty = p < 0 && !double.IsNegativeInfinity(p) ? double.PositiveInfinity : 0;
            return Creation.Full(x.Runtime, Reduced(x.Shape, keepDims, axes), DType.Float64, empty);
        }
        if (p == 2) return Sqrt(Sum(Map<Ufuncs.SquareOp>(x), axes, keepDims));
        if (double.IsInfinity(p))
        {
            using GpuArray abs = Map<Ufuncs.AbsOp>(x);
            return Reductions.Reduce(p > 0 ? typeof(MaximumOp<>) : typeof(MinimumOp<>), abs, Axes.Of(axes), keepDims);
        }
        if (p == 0)
        {
            using GpuArray flags = GpuOps.Map(typeof(NotZeroOp<>), x, DType.Float64);
            using GpuArray ones = GpuOps.Convert(flags, DType.Float64);
            return Reductions.Reduce(typeof(SumOp<>), ones, Axes.Of(axes), keepDims);
        }
        if (p == 1) return Sum(Map<Ufuncs.AbsOp>(x), axes, keepDims);
        using GpuArray a = Map<Ufuncs.AbsOp>(x);
        using GpuArray powered = Power(a, p);
        using GpuArray sum = Sum(powered.View(powered.Shape, [.. powered.StrideSpan], powered.Offset), axes, keepDims);
        return Power(sum, 1 / p);
    }

    private static GpuArray MatrixNorm(GpuArray x, NormOrder ord, int rowAxis, int colAxis, bool keepDims)
    {
        string kind = ord.Named ?? (ord.P switch
        {
            null => "fro",
            2 => "2", -2 => "-2", 1 => "1", -1 => "-1",
            double.PositiveInfinity => "inf", double.NegativeInfinity => "-inf",
            _ => throw new ArgumentException("Invalid norm order for matrices.", "ord"),
        });
        int m = x.Shape.Dims[rowAxis], n = x.Shape.Dims[colAxis];
        Shape outShape = Reduced(x.Shape, keepDims, rowAxis, colAxis);
        switch (kind)
        {
            case "fro":
                return Sqrt(Sum(Map<Ufuncs.SquareOp>(x), [rowAxis, colAxis], keepDims));
            case "nuc" or "2" or "-2":
            {
                using GpuArray moved = MoveToEnd(x, rowAxis, colAxis);
                int count = checked((int)Reduced(x.Shape, false, rowAxis, colAxis).Size);
                int k = Math.Min(m, n);
                if (k == 0 && kind != "nuc") throw NumPyErrors.EmptyReduction(kind == "2" ? "maximum" : "minimum", null);
                QrSvdHandlers.RequireFinite(moved, "SVD did not converge");
                using GpuArray s = QrSvdHandlers.SingularValues(moved, count, m, n);
                GpuArray values;
                if (kind == "nuc") values = Sum(s.View(s.Shape, [.. s.StrideSpan], s.Offset), [1], false);
                else
                {
                    using GpuArray column = s.View(new Shape(count), [k], s.Offset + (kind == "2" ? 0 : k - 1));
                    values = GpuOps.Copy(column);
                }
                using (values) return Reshaped(values, outShape);
            }
            default:
            {
                // 1 / -1: the extreme column sum of |x| (sum over rows, extreme over columns); inf / -inf: the extreme row sum.
                bool columns = kind is "1" or "-1", max = kind is "1" or "inf";
                if ((columns ? n : m) == 0) throw NumPyErrors.EmptyReduction(max ? "maximum" : "minimum", null);
                int sumAxis = columns ? rowAxis : colAxis, extremeAxis = columns ? colAxis : rowAxis;
                using GpuArray sums = Sum(Map<Ufuncs.AbsOp>(x), [sumAxis], keepDims: true);
                using GpuArray extreme = Reductions.Reduce(max ? typeof(MaximumOp<>) : typeof(MinimumOp<>), sums, Axes.Of(extremeAxis), keepDims: true);
                return Reshaped(extreme, outShape);
            }
        }
    }

    /// <summary>The array with the two axes moved to the end (in that order), C-contiguous.</summary>
    private static GpuArray MoveToEnd(GpuArray x, int row, int col)
    {
        var order = new List<int>();
        for (int i = 0; i < x.Rank; i++) if (i != row && i != col) order.Add(i);
        order.Add(row);
        order.Add(col);
        int[] dims = order.Select(i => x.Shape.Dims[i]).ToArray();
        long[] strides = order.Select(i => x.Strides[i]).ToArray();
        using GpuArray view = x.View(new Shape(dims), strides, x.Offset);
        return GpuOps.Copy(view);
    }

    /// <summary>A contiguous copy of the contiguous <paramref name="a"/> with the same elements in <paramref name="shape"/>.</summary>
    private static GpuArray Reshaped(GpuArray a, Shape shape)
    {
        using GpuArray view = a.View(shape, shape.ContiguousStrides(), a.Offset);
        return GpuOps.Copy(view);
    }

    private static Shape Reduced(Shape shape, bool keepDims, params ReadOnlySpan<int> axes)
    {
        var dims = new List<int>();
        for (int i = 0; i < shape.Rank; i++)
        {
            if (!axes.Contains(i)) dims.Add(shape.Dims[i]);
            else if (keepDims) dims.Add(1);
        }
        return new Shape([.. dims]);
    }

    private static GpuArray Map<TOp>(GpuArray x) where TOp : struct, Ufuncs.IUnaryOp =>
        GpuOps.MapWith(UfuncKernels.Unary<TOp>(DType.Float64), x, DType.Float64);

    /// <summary>The sum over <paramref name="axes"/> (consumes <paramref name="x"/>); an empty axis sums to 0.</summary>
    private static GpuArray Sum(GpuArray x, int[] axes, bool keepDims)
    {
        using (x)
        {
            long reduced = 1;
            foreach (int a in axes) reduced *= x.Shape.Dims[a];
            if (reduced == 0) return Creation.Full(x.Runtime, Reduced(x.Shape, keepDims, axes), DType.Float64, 0.0);
            return Reductions.Reduce(typeof(SumOp<>), x, Axes.Of(axes), keepDims);
        }
    }

    /// <summary>The square root (consumes <paramref name="x"/>).</summary>
    private static GpuArray Sqrt(GpuArray x)
    {
        using (x) return Map<Ufuncs.SqrtOp>(x);
    }

    private static GpuArray Power(GpuArray x, double p)
    {
        using GpuArray exponent = GpuOps.Scalar(x.Runtime, p, DType.Float64);
        return GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.PowerOp>(DType.Float64), x, exponent, DType.Float64);
    }
}
