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

    /// <summary>A C-contiguous copy in a .NET array whatever its size (exports to <see cref="Interchange.HostBuffer"/>, Tensor).</summary>
    public static DenseArray ContiguousManaged(DenseArray source)
    {
        DenseArray result = DenseArray.CreateManaged(source.DType, source.Shape);
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

    /// <summary>
    /// The array itself when it already has <paramref name="dtype"/>, else a converted copy laid out in NumPy's
    /// <c>order='K'</c> (astype's default): a Fortran-ordered array converts to a Fortran-ordered one.
    /// </summary>
    public static DenseArray AsKeepingOrder(DenseArray source, DType dtype) => source.DType == dtype ? source : KeepingOrder(source, dtype);

    /// <summary>A copy converted to <paramref name="dtype"/>, laid out in NumPy's <c>order='K'</c> (see <see cref="AsKeepingOrder"/>).</summary>
    public static DenseArray KeepingOrder(DenseArray source, DType dtype)
    {
        DenseArray result = DenseArray.CreateUninitialized(dtype, source.Shape, source);
        Into(source, result);
        return result;
    }

    /// <summary>
    /// A copy converted to <paramref name="dtype"/>, laid out as NumPy's <c>astype</c> lays out its result
    /// (<c>PyArray_NewLikeArray</c>, <see cref="StridedLayout.NewLikeAxes"/>): a broadcast axis goes innermost.
    /// </summary>
    public static DenseArray NewLike(DenseArray source, DType dtype)
    {
        DenseArray result = DenseArray.CreateUninitializedLike(dtype, source);
        Into(source, result);
        return result;
    }

    /// <summary>Writes <paramref name="source"/> (broadcast, converted by NumPy's unsafe cast) into <paramref name="destination"/>.</summary>
    public static void Into(DenseArray source, DenseArray destination)
    {
        if (source.DType == destination.DType)
        {
            Same(source, destination);
            return;
        }
        switch (source.DType)
        {
            case DType.Bool: FromBool(source, destination); break;
            case DType.Int8: From<sbyte>(source, destination); break;
            case DType.Int16: From<short>(source, destination); break;
            case DType.Int32: From<int>(source, destination); break;
            case DType.Int64: From<long>(source, destination); break;
            case DType.UInt8: From<byte>(source, destination); break;
            case DType.UInt16: From<ushort>(source, destination); break;
            case DType.UInt32: From<uint>(source, destination); break;
            case DType.UInt64: From<ulong>(source, destination); break;
            case DType.Float16: From<Half>(source, destination); break;
            case DType.Float32: From<float>(source, destination); break;
            case DType.Float64: From<double>(source, destination); break;
            case DType.Complex64: From<Complex64>(source, destination); break;
            case DType.Complex128: From<Complex>(source, destination); break;
            default: throw Unknown(source.DType);
        }
    }

    // A copy without conversion moves elements of any type, so it works on every dtype.
    private static void Same(DenseArray s, DenseArray d)
    {
        switch (s.DType)
        {
            case DType.Bool: Elementwise.Unary<bool, bool, Identity<bool>>(s, d); break;
            case DType.Int8: Elementwise.Unary<sbyte, sbyte, Identity<sbyte>>(s, d); break;
            case DType.Int16: Elementwise.Unary<short, short, Identity<short>>(s, d); break;
            case DType.Int32: Elementwise.Unary<int, int, Identity<int>>(s, d); break;
            case DType.Int64: Elementwise.Unary<long, long, Identity<long>>(s, d); break;
            case DType.UInt8: Elementwise.Unary<byte, byte, Identity<byte>>(s, d); break;
            case DType.UInt16: Elementwise.Unary<ushort, ushort, Identity<ushort>>(s, d); break;
            case DType.UInt32: Elementwise.Unary<uint, uint, Identity<uint>>(s, d); break;
            case DType.UInt64: Elementwise.Unary<ulong, ulong, Identity<ulong>>(s, d); break;
            case DType.Float16: Elementwise.Unary<Half, Half, Identity<Half>>(s, d); break;
            case DType.Float32: Elementwise.Unary<float, float, Identity<float>>(s, d); break;
            case DType.Float64: Elementwise.Unary<double, double, Identity<double>>(s, d); break;
            case DType.Complex64: Elementwise.Unary<Complex64, Complex64, Identity<Complex64>>(s, d); break;
            case DType.Complex128: Elementwise.Unary<Complex, Complex, Identity<Complex>>(s, d); break;
            default: throw Unknown(s.DType);
        }
    }

    private static void From<T>(DenseArray s, DenseArray d) where T : unmanaged, INumberBase<T>
    {
        switch (d.DType)
        {
            case DType.Bool: Elementwise.Unary<T, bool, ToBool<T>>(s, d); break;
            case DType.Int8: Run<T, sbyte>(s, d); break;
            case DType.Int16: Run<T, short>(s, d); break;
            case DType.Int32: Run<T, int>(s, d); break;
            case DType.Int64: Run<T, long>(s, d); break;
            case DType.UInt8: Run<T, byte>(s, d); break;
            case DType.UInt16: Run<T, ushort>(s, d); break;
            case DType.UInt32: Run<T, uint>(s, d); break;
            case DType.UInt64: Run<T, ulong>(s, d); break;
            case DType.Float16: Run<T, Half>(s, d); break;
            case DType.Float32: Run<T, float>(s, d); break;
            case DType.Float64: Run<T, double>(s, d); break;
            case DType.Complex64: Run<T, Complex64>(s, d); break;
            case DType.Complex128: Run<T, Complex>(s, d); break;
            default: throw Unknown(d.DType);
        }
    }

    private static void Run<TFrom, TTo>(DenseArray s, DenseArray d) where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
    {
        if (typeof(TFrom) == typeof(TTo)) Elementwise.Unary<TFrom, TFrom, Identity<TFrom>>(s, d);
        else Elementwise.Unary<TFrom, TTo, Convert<TFrom, TTo>>(s, d);
    }

    private static void FromBool(DenseArray s, DenseArray d)
    {
        switch (d.DType)
        {
            case DType.Bool: Elementwise.Unary<bool, bool, Identity<bool>>(s, d); break;
            case DType.Int8: Elementwise.Unary<bool, sbyte, FromBool<sbyte>>(s, d); break;
            case DType.Int16: Elementwise.Unary<bool, short, FromBool<short>>(s, d); break;
            case DType.Int32: Elementwise.Unary<bool, int, FromBool<int>>(s, d); break;
            case DType.Int64: Elementwise.Unary<bool, long, FromBool<long>>(s, d); break;
            case DType.UInt8: Elementwise.Unary<bool, byte, FromBool<byte>>(s, d); break;
            case DType.UInt16: Elementwise.Unary<bool, ushort, FromBool<ushort>>(s, d); break;
            case DType.UInt32: Elementwise.Unary<bool, uint, FromBool<uint>>(s, d); break;
            case DType.UInt64: Elementwise.Unary<bool, ulong, FromBool<ulong>>(s, d); break;
            case DType.Float16: Elementwise.Unary<bool, Half, FromBool<Half>>(s, d); break;
            case DType.Float32: Elementwise.Unary<bool, float, FromBool<float>>(s, d); break;
            case DType.Float64: Elementwise.Unary<bool, double, FromBool<double>>(s, d); break;
            case DType.Complex64: Elementwise.Unary<bool, Complex64, FromBool<Complex64>>(s, d); break;
            case DType.Complex128: Elementwise.Unary<bool, Complex, FromBool<Complex>>(s, d); break;
            default: throw Unknown(d.DType);
        }
    }

    /// <summary>A 0-d array of <paramref name="dtype"/> holding <paramref name="value"/> (NumPy's unsafe cast of the value).</summary>
    public static DenseArray ScalarOf(Scalar value, DType dtype) => dtype switch
    {
        DType.Bool => DenseArray.Scalar(ValueOf<bool>(value)),
        DType.Int8 => DenseArray.Scalar(ValueOf<sbyte>(value)),
        DType.Int16 => DenseArray.Scalar(ValueOf<short>(value)),
        DType.Int32 => DenseArray.Scalar(ValueOf<int>(value)),
        DType.Int64 => DenseArray.Scalar(ValueOf<long>(value)),
        DType.UInt8 => DenseArray.Scalar(ValueOf<byte>(value)),
        DType.UInt16 => DenseArray.Scalar(ValueOf<ushort>(value)),
        DType.UInt32 => DenseArray.Scalar(ValueOf<uint>(value)),
        DType.UInt64 => DenseArray.Scalar(ValueOf<ulong>(value)),
        DType.Float16 => DenseArray.Scalar(ValueOf<Half>(value)),
        DType.Float32 => DenseArray.Scalar(ValueOf<float>(value)),
        DType.Float64 => DenseArray.Scalar(ValueOf<double>(value)),
        DType.Complex64 => DenseArray.Scalar(ValueOf<Complex64>(value)),
        DType.Complex128 => DenseArray.Scalar(ValueOf<Complex>(value)),
        _ => throw Unknown(dtype),
    };

    /// <summary>
    /// <paramref name="value"/> as an element of type <typeparamref name="T"/> (NumPy's unsafe cast of the value): the one
    /// conversion behind <see cref="ScalarOf"/> and the ufuncs' array-with-scalar kernels.
    /// </summary>
    public static T ValueOf<T>(Scalar value) where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return (T)(object)value.AsDouble;
        if (typeof(T) == typeof(Complex)) return (T)(object)value.AsComplex;
        return value.As<T>();
    }

    private static ArgumentOutOfRangeException Unknown(DType dtype) =>
        new(nameof(dtype), dtype, $"unknown dtype {(int)dtype}; supported: {DTypes.AllNames}");
}
