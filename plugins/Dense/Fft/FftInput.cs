using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Dense.Fft;

/// <summary>NumPy's argument rules for numpy.fft (lengths, axes, norms, dtypes) and the conversions the transforms start from.</summary>
internal static class FftInput
{
    /// <summary>NumPy 2's rule: float16, float32 and complex64 stay single precision; every other dtype computes as double.</summary>
    public static bool IsSingle(DType dtype) => dtype is DType.Float16 or DType.Float32 or DType.Complex64;

    /// <summary>NumPy's check of a transform length.</summary>
    public static void RequireLength(int n)
    {
        if (n < 1) throw new ArgumentException($"Invalid number of FFT data points ({n}) specified.", "n");
    }

    /// <summary>The factor a transform of length <paramref name="n"/> is multiplied by.</summary>
    public static double Scale(FftNorm norm, int n, bool inverse) => norm switch
    {
        FftNorm.Ortho => 1.0 / Math.Sqrt(n),
        FftNorm.Forward => inverse ? 1.0 : 1.0 / n,
        _ => inverse ? 1.0 / n : 1.0,
    };

    /// <summary>hfft and ihfft run the other direction's transform with the norm swapped, as NumPy defines them.</summary>
    public static FftNorm Swap(FftNorm norm) => norm switch
    {
        FftNorm.Backward => FftNorm.Forward,
        FftNorm.Forward => FftNorm.Backward,
        _ => norm,
    };

    /// <summary>The array as complex128, C-contiguous from offset 0 (never the caller's storage when it had to convert).</summary>
    public static Complex[] AsComplex(DenseArray x) => Storage<Complex>(Copy.As(x, DType.Complex128));

    /// <summary>The array as float64, C-contiguous from offset 0.</summary>
    /// <exception cref="DTypeMismatchException">The array is complex: the real transforms take real input.</exception>
    public static double[] AsReal(DenseArray x, string function)
    {
        if (x.DType.IsComplex()) throw new DTypeMismatchException($"{function} takes real input; got an array of dtype {x.DType.Name()}", "x");
        return Storage<double>(Copy.As(x, DType.Float64));
    }

    /// <summary>
    /// The array as float64 elements, C-contiguous from offset 0, read in place when it already is (native storage
    /// included), so a large transform does not copy its input first.
    /// </summary>
    /// <exception cref="DTypeMismatchException">The array is complex: the real transforms take real input.</exception>
    public static Elements<double> RealElements(DenseArray x, string function)
    {
        if (x.DType.IsComplex()) throw new DTypeMismatchException($"{function} takes real input; got an array of dtype {x.DType.Name()}", "x");
        DenseArray c = Copy.As(x, DType.Float64).EnsureContiguous();
        if (c.Offset != 0) c = Copy.Contiguous(c);
        Elements<double> elements = c.Elements<double>();
        return elements.Length == c.Size ? elements : Copy.ContiguousManaged(c).Elements<double>();
    }

    private static T[] Storage<T>(DenseArray x) where T : unmanaged
    {
        DenseArray c = x.EnsureContiguous();
        if (c.IsNative) return Copy.ContiguousManaged(c).Storage<T>();
        if (c.Offset != 0 || c.Storage<T>().Length != c.Size) c = Copy.ContiguousManaged(c);
        return c.Storage<T>();
    }

    /// <summary>(outer, length, inner) of <paramref name="shape"/> around <paramref name="axis"/>.</summary>
    public static (int Outer, int Length, int Inner) Split(Shape shape, int axis)
    {
        ReadOnlySpan<int> d = shape.Dims;
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= d[i];
        for (int i = axis + 1; i < d.Length; i++) inner *= d[i];
        return (checked((int)outer), d[axis], checked((int)inner));
    }

    /// <summary><paramref name="shape"/> with the length of <paramref name="axis"/> replaced.</summary>
    public static Shape WithLength(Shape shape, int axis, int length)
    {
        int[] dims = shape.Dims.ToArray();
        dims[axis] = length;
        return new Shape(dims);
    }

    /// <summary>NumPy's <c>_cook_nd_args</c>: the lengths and normalized axes of an n-d transform.</summary>
    public static (int[] S, int[] Axes) Cook(Shape shape, int[]? s, int[]? axes, bool inverseReal)
    {
        int[] ax = axes is null
            ? Enumerable.Range(shape.Rank - (s?.Length ?? shape.Rank), s?.Length ?? shape.Rank).Select(a => a).ToArray()
            : axes.Select(a => Shape.NormalizeAxis(a, shape.Rank)).ToArray();
        if (axes is null && s is not null && s.Length > shape.Rank) throw new ArgumentException("Shape and axes have different lengths.", nameof(s));
        int[] lengths = s is null ? ax.Select(a => shape.Dims[a]).ToArray() : (int[])s.Clone();
        if (lengths.Length != ax.Length) throw new ArgumentException("Shape and axes have different lengths.", nameof(s));
        if (inverseReal && s is null && ax.Length > 0) lengths[^1] = (shape.Dims[ax[^1]] - 1) * 2;
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] == -1) lengths[i] = shape.Dims[ax[i]];
            RequireLength(lengths[i]);
        }
        return (lengths, ax);
    }
}
