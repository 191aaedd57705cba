namespace ArrayDispatch;

/// <summary>
/// NumPy's <c>finfo</c>: the limits of a floating-point dtype. Each value is the dtype's own value widened exactly to
/// <see cref="double"/> (float32's <see cref="Resolution"/> is <c>(double)1e-6f</c>, as <c>float(np.finfo(np.float32).resolution)</c>).
/// </summary>
public sealed class FInfo
{
    internal FInfo(DType dtype, int bits, int nmant, int minexp, int maxexp, int precision, double max, double resolution)
    {
        DType = dtype;
        Bits = bits;
        Mantissa = nmant;
        MinExponent = minexp;
        MaxExponent = maxexp;
        Precision = precision;
        Max = max;
        Resolution = resolution;
    }

    /// <summary>The float dtype described (for a complex dtype, its real part's dtype, as in NumPy).</summary>
    public DType DType { get; }

    /// <summary>The number of bits of the type.</summary>
    public int Bits { get; }

    /// <summary>The number of bits of the mantissa (NumPy's <c>nmant</c>).</summary>
    public int Mantissa { get; }

    /// <summary>The smallest exponent of a normal number (NumPy's <c>minexp</c>).</summary>
    public int MinExponent { get; }

    /// <summary>The smallest power of two that overflows (NumPy's <c>maxexp</c>).</summary>
    public int MaxExponent { get; }

    /// <summary>The number of decimal digits that are exact (NumPy's <c>precision</c>).</summary>
    public int Precision { get; }

    /// <summary>The difference between 1.0 and the next larger value (NumPy's <c>eps</c>).</summary>
    public double Eps => Math.ScaleB(1.0, -Mantissa);

    /// <summary>The difference between 1.0 and the next smaller value (NumPy's <c>epsneg</c>).</summary>
    public double EpsNeg => Math.ScaleB(1.0, -Mantissa - 1);

    /// <summary>The largest finite value.</summary>
    public double Max { get; }

    /// <summary>The most negative finite value, <c>-Max</c>.</summary>
    public double Min => -Max;

    /// <summary>The smallest positive normal value (NumPy's <c>smallest_normal</c>).</summary>
    public double SmallestNormal => Math.ScaleB(1.0, MinExponent);

    /// <summary>NumPy's older name of <see cref="SmallestNormal"/>.</summary>
    public double Tiny => SmallestNormal;

    /// <summary>The smallest positive subnormal value (NumPy's <c>smallest_subnormal</c>).</summary>
    public double SmallestSubnormal => Math.ScaleB(1.0, MinExponent - Mantissa);

    /// <summary>The decimal resolution, <c>10**-Precision</c> in the dtype (NumPy's <c>resolution</c>).</summary>
    public double Resolution { get; }

    /// <summary>NumPy's repr, e.g. <c>finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)</c>.</summary>
    public override string ToString() =>
        $"finfo(resolution={Repr(Resolution)}, min={Repr(Min)}, max={Repr(Max)}, dtype={DType.Name()})";

    // The shortest text that reads back as the same value of the dtype, in Python's spelling of exponents.
    private string Repr(double value)
    {
        string s = DType switch
        {
            DType.Float16 => ((Half)value).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            DType.Float32 => ((float)value).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        };
        return s.Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    internal static FInfo Of(DType dtype) => dtype.RealPart() switch
    {
        DType.Float16 => new(DType.Float16, 16, 10, -14, 16, 3, 65504.0, (double)(Half)0.001),
        DType.Float32 => new(DType.Float32, 32, 23, -126, 128, 6, float.MaxValue, (double)1e-6f),
        DType.Float64 => new(DType.Float64, 64, 52, -1022, 1024, 15, double.MaxValue, 1e-15),
        _ => throw new ArgumentException($"data type <class 'numpy.{dtype.Name()}'> not inexact", nameof(dtype)),
    };
}

/// <summary>NumPy's <c>iinfo</c>: the limits of an integer dtype.</summary>
public sealed class IInfo
{
    private IInfo(DType dtype, long min, ulong max) { DType = dtype; Min = min; Max = max; }

    /// <summary>The integer dtype described.</summary>
    public DType DType { get; }

    /// <summary>The number of bits of the type.</summary>
    public int Bits => DType.ItemSize() * 8;

    /// <summary>The smallest value (0 for unsigned types).</summary>
    public long Min { get; }

    /// <summary>The largest value (as <see cref="ulong"/>, so uint64's fits).</summary>
    public ulong Max { get; }

    /// <summary>NumPy's repr, e.g. <c>iinfo(min=-128, max=127, dtype=int8)</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"iinfo(min={Min}, max={Max}, dtype={DType.Name()})");

    internal static IInfo Of(DType dtype) => dtype switch
    {
        DType.Int8 => new(dtype, sbyte.MinValue, (ulong)sbyte.MaxValue),
        DType.Int16 => new(dtype, short.MinValue, (ulong)short.MaxValue),
        DType.Int32 => new(dtype, int.MinValue, int.MaxValue),
        DType.Int64 => new(dtype, long.MinValue, long.MaxValue),
        DType.UInt8 => new(dtype, 0, byte.MaxValue),
        DType.UInt16 => new(dtype, 0, ushort.MaxValue),
        DType.UInt32 => new(dtype, 0, uint.MaxValue),
        DType.UInt64 => new(dtype, 0, ulong.MaxValue),
        _ => throw new ArgumentException($"Invalid integer data type '{KindChar(dtype)}'.", nameof(dtype)),
    };

    private static char KindChar(DType dtype) => dtype switch
    {
        DType.Bool => 'b',
        _ when dtype.IsFloat() => 'f',
        _ when dtype.IsComplex() => 'c',
        _ => '?',
    };
}
