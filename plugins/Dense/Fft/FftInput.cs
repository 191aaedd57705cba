using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Dense.Fft;

/// <summary>The conversions the transforms start from (NumPy's argument rules are the protocol's <see cref="FftRules"/>).</summary>
internal static class FftInput
{
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
}
