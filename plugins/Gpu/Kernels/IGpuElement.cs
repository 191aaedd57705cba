using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Conversions of one storage type, usable inside kernels. ILGPU 1.5.3 cannot compile the generic
/// <c>INumberBase.CreateTruncating</c> (an internal compiler error that also poisons the context), so each storage
/// type gets a small adapter with plain C# casts. The conversions are NumPy's unsafe cast as the protocol states it
/// (<see cref="Casts.Convert{TFrom, TTo}"/>): integers wrap (through <see cref="long"/>, whose low bits every
/// narrower integer keeps), floats truncate, a float goes to an 8- or 16-bit integer through int32 as C does, a negative
/// float wraps into uint32/uint64, and uint64 values above <see cref="long.MaxValue"/> reach floats unsigned.
/// </summary>
internal interface IGpuElement<T> where T : unmanaged
{
    bool IsInteger { get; }

    /// <summary>uint64, whose values do not all fit <see cref="long"/>: converted to floats through <see cref="FromUInt64"/>.</summary>
    bool IsUnsigned64 { get; }

    /// <summary>complex64/complex128: a value has two parts (<see cref="ToImaginary"/>), and a cast from one keeps both (<see cref="FromParts"/>).</summary>
    bool IsComplex { get; }

    /// <summary>The value (the real part of a complex value) as a double.</summary>
    double ToDouble(T x);
    long ToInt64(T x);

    /// <summary>The imaginary part; 0 for a real type.</summary>
    double ToImaginary(T x);
    T FromDouble(double x);
    T FromInt64(long x);
    T FromUInt64(ulong x);

    /// <summary>
    /// A complex value <c>re + im·j</c> as this type: both parts for a complex type, <c>re != 0 || im != 0</c> for bool,
    /// and the real part for the other real types (NumPy's unsafe cast, which drops the imaginary part with a ComplexWarning).
    /// </summary>
    T FromParts(double re, double im);
}

internal struct Float64Element : IGpuElement<double>
{
    public readonly bool IsInteger => false;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(double x) => x;
    public readonly long ToInt64(double x) => (long)x;
    public readonly double FromDouble(double x) => x;
    public readonly double FromInt64(long x) => x;
    public readonly double FromUInt64(ulong x) => x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(double x) => 0;
    public readonly double FromParts(double re, double im) => FromDouble(re);
}

internal struct Float32Element : IGpuElement<float>
{
    public readonly bool IsInteger => false;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(float x) => x;
    public readonly long ToInt64(float x) => (long)x;
    public readonly float FromDouble(double x) => (float)x;
    public readonly float FromInt64(long x) => x;
    public readonly float FromUInt64(ulong x) => x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(float x) => 0;
    public readonly float FromParts(double re, double im) => FromDouble(re);
}

/// <summary>float16 as <see cref="HalfBits"/>; every conversion rounds once (an integer beyond 2^24 is beyond float16's range anyway).</summary>
internal struct Float16Element : IGpuElement<HalfBits>
{
    public readonly bool IsInteger => false;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(HalfBits x) => HalfBits.ToSingle(x);
    public readonly long ToInt64(HalfBits x) => (long)HalfBits.ToSingle(x);
    public readonly HalfBits FromDouble(double x) => HalfBits.FromDouble(x);
    public readonly HalfBits FromInt64(long x) => HalfBits.FromDouble(x);
    public readonly HalfBits FromUInt64(ulong x) => HalfBits.FromDouble(x);
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(HalfBits x) => 0;
    public readonly HalfBits FromParts(double re, double im) => FromDouble(re);
}

internal struct Int64Element : IGpuElement<long>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(long x) => x;
    public readonly long ToInt64(long x) => x;
    public readonly long FromDouble(double x) => (long)x;
    public readonly long FromInt64(long x) => x;
    public readonly long FromUInt64(ulong x) => (long)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(long x) => 0;
    public readonly long FromParts(double re, double im) => FromDouble(re);
}

internal struct Int32Element : IGpuElement<int>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(int x) => x;
    public readonly long ToInt64(int x) => x;
    public readonly int FromDouble(double x) => (int)x;     // saturating, NaN to 0: Casts' rule for int32 and wider (as .NET and PTX's cvt.rzi)
    public readonly int FromInt64(long x) => (int)x;
    public readonly int FromUInt64(ulong x) => (int)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(int x) => 0;
    public readonly int FromParts(double re, double im) => FromDouble(re);
}

internal struct Int16Element : IGpuElement<short>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(short x) => x;
    public readonly long ToInt64(short x) => x;
    public readonly short FromDouble(double x) => (short)Casts.ToInt32(x);
    public readonly short FromInt64(long x) => (short)x;
    public readonly short FromUInt64(ulong x) => (short)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(short x) => 0;
    public readonly short FromParts(double re, double im) => FromDouble(re);
}

internal struct Int8Element : IGpuElement<sbyte>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(sbyte x) => x;
    public readonly long ToInt64(sbyte x) => x;
    public readonly sbyte FromDouble(double x) => (sbyte)Casts.ToInt32(x);
    public readonly sbyte FromInt64(long x) => (sbyte)x;
    public readonly sbyte FromUInt64(ulong x) => (sbyte)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(sbyte x) => 0;
    public readonly sbyte FromParts(double re, double im) => FromDouble(re);
}

internal struct UInt64Element : IGpuElement<ulong>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => true;
    public readonly double ToDouble(ulong x) => x;
    public readonly long ToInt64(ulong x) => (long)x;
    public readonly ulong FromDouble(double x) => x < 0 && x >= -9.2233720368547758E18 ? (ulong)(long)x : double.IsNaN(x) ? 0UL : (ulong)x;
    public readonly ulong FromInt64(long x) => (ulong)x;
    public readonly ulong FromUInt64(ulong x) => x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(ulong x) => 0;
    public readonly ulong FromParts(double re, double im) => FromDouble(re);
}

internal struct UInt32Element : IGpuElement<uint>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(uint x) => x;
    public readonly long ToInt64(uint x) => x;
    public readonly uint FromDouble(double x) => x < 0 && x >= -9.2233720368547758E18 ? (uint)(long)x : double.IsNaN(x) ? 0u : (uint)x;
    public readonly uint FromInt64(long x) => (uint)x;
    public readonly uint FromUInt64(ulong x) => (uint)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(uint x) => 0;
    public readonly uint FromParts(double re, double im) => FromDouble(re);
}

internal struct UInt16Element : IGpuElement<ushort>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(ushort x) => x;
    public readonly long ToInt64(ushort x) => x;
    public readonly ushort FromDouble(double x) => (ushort)Casts.ToInt32(x);
    public readonly ushort FromInt64(long x) => (ushort)x;
    public readonly ushort FromUInt64(ulong x) => (ushort)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(ushort x) => 0;
    public readonly ushort FromParts(double re, double im) => FromDouble(re);
}

internal struct UInt8Element : IGpuElement<byte>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(byte x) => x;
    public readonly long ToInt64(byte x) => x;
    public readonly byte FromDouble(double x) => (byte)Casts.ToInt32(x);
    public readonly byte FromInt64(long x) => (byte)x;
    public readonly byte FromUInt64(ulong x) => (byte)x;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(byte x) => 0;
    public readonly byte FromParts(double re, double im) => FromDouble(re);
}

/// <summary>bool, stored as one byte 0/1 (ILGPU does not take <see cref="bool"/> views).</summary>
internal struct BoolElement : IGpuElement<byte>
{
    public readonly bool IsInteger => true;
    public readonly bool IsUnsigned64 => false;
    public readonly double ToDouble(byte x) => x;
    public readonly long ToInt64(byte x) => x;
    public readonly byte FromDouble(double x) => x != 0 ? (byte)1 : (byte)0;
    public readonly byte FromInt64(long x) => x != 0 ? (byte)1 : (byte)0;
    public readonly byte FromUInt64(ulong x) => x != 0 ? (byte)1 : (byte)0;
    public readonly bool IsComplex => false;
    public readonly double ToImaginary(byte x) => 0;
    public readonly byte FromParts(double re, double im) => re != 0 || im != 0 ? (byte)1 : (byte)0;
}

/// <summary>complex64 as the protocol's <see cref="Complex64"/> (two float32s, real part first: NumPy's layout, so host buffers are copied as they are).</summary>
internal struct Complex64Element : IGpuElement<Complex64>
{
    public readonly bool IsInteger => false;
    public readonly bool IsUnsigned64 => false;
    public readonly bool IsComplex => true;
    public readonly double ToDouble(Complex64 x) => x.Real;
    public readonly long ToInt64(Complex64 x) => (long)x.Real;
    public readonly double ToImaginary(Complex64 x) => x.Imaginary;
    public readonly Complex64 FromDouble(double x) => new((float)x, 0);
    public readonly Complex64 FromInt64(long x) => new(x, 0);
    public readonly Complex64 FromUInt64(ulong x) => new(x, 0);
    public readonly Complex64 FromParts(double re, double im) => new((float)re, (float)im);
}

/// <summary>complex128 as <see cref="System.Numerics.Complex"/> (two float64s, real part first).</summary>
internal struct Complex128Element : IGpuElement<System.Numerics.Complex>
{
    public readonly bool IsInteger => false;
    public readonly bool IsUnsigned64 => false;
    public readonly bool IsComplex => true;
    public readonly double ToDouble(System.Numerics.Complex x) => x.Real;
    public readonly long ToInt64(System.Numerics.Complex x) => (long)x.Real;
    public readonly double ToImaginary(System.Numerics.Complex x) => x.Imaginary;
    public readonly System.Numerics.Complex FromDouble(double x) => new(x, 0);
    public readonly System.Numerics.Complex FromInt64(long x) => new(x, 0);
    public readonly System.Numerics.Complex FromUInt64(ulong x) => new(x, 0);
    public readonly System.Numerics.Complex FromParts(double re, double im) => new(re, im);
}
