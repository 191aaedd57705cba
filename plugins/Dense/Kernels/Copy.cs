using System.Numerics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>Copies and dtype conversions between dense arrays of any layout (the source broadcasts to the destination).</summary>
internal static class Copy
{
    /// <summary>A C-contiguous copy.</summary>
    public static DenseArray Contiguous(DenseArray source)
    {
        DenseArray result = DenseArray.CreateUninitialized(source.DType, source.Shape);
        Into(source, result);
        return result;
    }

    /// <summary>A C-contiguous copy converted to <paramref name="dtype"/> (NumPy's unsafe casting).</summary>
    public static DenseArray Cast(DenseArray source, DType dtype)
    {
        DenseArray result = DenseArray.CreateUninitialized(dtype, source.Shape);
        Into(source, result);
        return result;
    }

    /// <summary>The array itself when it already has <paramref name="dtype"/>, else a converted copy.</summary>
    public static DenseArray As(DenseArray source, DType dtype) => source.DType == dtype ? source : Cast(source, dtype);

    /// <summary>Writes <paramref name="source"/> (broadcast, converted) into <paramref name="destination"/>.</summary>
    public static void Into(DenseArray source, DenseArray destination)
    {
        switch (source.DType)
        {
            case DType.Bool: FromBool(source, destination); break;
            case DType.Int32: From<int>(source, destination); break;
            case DType.Int64: From<long>(source, destination); break;
            case DType.Float32: From<float>(source, destination); break;
            default: From<double>(source, destination); break;
        }
    }

    private static void From<T>(DenseArray s, DenseArray d) where T : unmanaged, INumber<T>
    {
        switch (d.DType)
        {
            case DType.Bool: Elementwise.Unary<T, bool, ToBool<T>>(s, d); break;
            case DType.Int32: Run<T, int>(s, d); break;
            case DType.Int64: Run<T, long>(s, d); break;
            case DType.Float32: Run<T, float>(s, d); break;
            default: Run<T, double>(s, d); break;
        }
    }

    private static void Run<TFrom, TTo>(DenseArray s, DenseArray d) where TFrom : unmanaged, INumber<TFrom> where TTo : unmanaged, INumber<TTo>
    {
        if (typeof(TFrom) == typeof(TTo)) Elementwise.Unary<TFrom, TFrom, Identity<TFrom>>(s, d);
        else Elementwise.Unary<TFrom, TTo, Convert<TFrom, TTo>>(s, d);
    }

    private static void FromBool(DenseArray s, DenseArray d)
    {
        switch (d.DType)
        {
            case DType.Bool: Elementwise.Unary<bool, bool, Identity<bool>>(s, d); break;
            case DType.Int32: Elementwise.Unary<bool, int, FromBool<int>>(s, d); break;
            case DType.Int64: Elementwise.Unary<bool, long, FromBool<long>>(s, d); break;
            case DType.Float32: Elementwise.Unary<bool, float, FromBool<float>>(s, d); break;
            default: Elementwise.Unary<bool, double, FromBool<double>>(s, d); break;
        }
    }

    /// <summary>A 0-d array of <paramref name="dtype"/> holding <paramref name="value"/>.</summary>
    public static DenseArray ScalarOf(Scalar value, DType dtype) => dtype switch
    {
        DType.Bool => DenseArray.Scalar(value.AsBool),
        DType.Int32 => DenseArray.Scalar(value.As<int>()),
        DType.Int64 => DenseArray.Scalar(value.As<long>()),
        DType.Float32 => DenseArray.Scalar(value.As<float>()),
        _ => DenseArray.Scalar(value.AsDouble),
    };
}
