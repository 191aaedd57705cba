namespace ArrayDispatch.Gpu;

/// <summary>
/// Conversions of one storage type, usable inside kernels. ILGPU 1.5.3 cannot compile the generic
/// <c>INumberBase.CreateTruncating</c> (an internal compiler error that also poisons the context), so each storage
/// type gets a small adapter with plain C# casts.
/// </summary>
internal interface IGpuElement<T> where T : unmanaged
{
    bool IsInteger { get; }
    double ToDouble(T x);
    long ToInt64(T x);
    T FromDouble(double x);
    T FromInt64(long x);
}

internal struct Float64Element : IGpuElement<double>
{
    public readonly bool IsInteger => false;
    public readonly double ToDouble(double x) => x;
    public readonly long ToInt64(double x) => (long)x;
    public readonly double FromDouble(double x) => x;
    public readonly double FromInt64(long x) => x;
}

internal struct Float32Element : IGpuElement<float>
{
    public readonly bool IsInteger => false;
    public readonly double ToDouble(float x) => x;
    public readonly long ToInt64(float x) => (long)x;
    public readonly float FromDouble(double x) => (float)x;
    public readonly float FromInt64(long x) => x;
}

internal struct Int64Element : IGpuElement<long>
{
    public readonly bool IsInteger => true;
    public readonly double ToDouble(long x) => x;
    public readonly long ToInt64(long x) => x;
    public readonly long FromDouble(double x) => (long)x;
    public readonly long FromInt64(long x) => x;
}

internal struct Int32Element : IGpuElement<int>
{
    public readonly bool IsInteger => true;
    public readonly double ToDouble(int x) => x;
    public readonly long ToInt64(int x) => x;
    public readonly int FromDouble(double x) => (int)(long)x;
    public readonly int FromInt64(long x) => (int)x;
}

/// <summary>bool, stored as one byte 0/1 (ILGPU does not take <see cref="bool"/> views).</summary>
internal struct BoolElement : IGpuElement<byte>
{
    public readonly bool IsInteger => true;
    public readonly double ToDouble(byte x) => x;
    public readonly long ToInt64(byte x) => x;
    public readonly byte FromDouble(double x) => x != 0 ? (byte)1 : (byte)0;
    public readonly byte FromInt64(long x) => x != 0 ? (byte)1 : (byte)0;
}
