using ArrayDispatch.Interchange;

namespace ArrayDispatch.Conformance;

/// <summary>
/// What a conformance case uses to make its inputs: <see cref="Array"/> draws the same values (a fixed seed) on either
/// side, converted to the side's backend; <see cref="Backend"/> is the name to pass to creation functions.
/// </summary>
public sealed class ConformanceContext
{
    private readonly Func<HostBuffer, NDArray> _convert;
    private readonly Func<HostBuffer, HostBuffer> _prepare;

    // Kept first and with two parameters: tests reach it by reflection (GetConstructors(NonPublic)[0] with two arguments).
    internal ConformanceContext(string backend, Func<HostBuffer, NDArray> convert)
        : this(backend, convert, null)
    {
    }

    internal ConformanceContext(string backend, Func<HostBuffer, NDArray> convert, Func<HostBuffer, HostBuffer>? prepare)
    {
        Backend = backend;
        _convert = convert;
        _prepare = prepare ?? (b => b);
    }

    /// <summary>The backend this side runs on (creation functions take it as <c>backend:</c>).</summary>
    public string Backend { get; }

    /// <summary>
    /// An array of <paramref name="shape"/> and <paramref name="dtype"/> with values drawn from <paramref name="seed"/>:
    /// floats in [low, high), integers in [low, high], bools half true; then passed through the suite's input hook
    /// (<c>PrepareInput</c>, the same on both sides).
    /// </summary>
    public NDArray Array(Shape shape, DType dtype = DType.Float64, int seed = 1, double low = -3, double high = 3) =>
        _convert(_prepare(Draw(shape, dtype, seed, low, high)));

    /// <summary>The values <see cref="Array"/> would draw, as a host buffer.</summary>
    public static HostBuffer Draw(Shape shape, DType dtype, int seed, double low = -3, double high = 3)
    {
        var rng = new Random(seed);
        int n = (int)shape.Size;
        return dtype switch
        {
            DType.Bool => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5).ToArray(), shape),
            DType.Int32 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => rng.Next((int)low, (int)high + 1)).ToArray(), shape),
            DType.Int64 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => (long)rng.Next((int)low, (int)high + 1)).ToArray(), shape),
            DType.Float32 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => (float)(low + (high - low) * rng.NextDouble())).ToArray(), shape),
            DType.Float16 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => (Half)(low + (high - low) * rng.NextDouble())).ToArray(), shape),
            // The narrow and unsigned integers draw as int64 does; a negative draw wraps into an unsigned dtype (-1 is its maximum).
            DType.Int8 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((sbyte)v)).ToArray(), shape),
            DType.Int16 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((short)v)).ToArray(), shape),
            DType.UInt8 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((byte)v)).ToArray(), shape),
            DType.UInt16 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((ushort)v)).ToArray(), shape),
            DType.UInt32 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((uint)v)).ToArray(), shape),
            DType.UInt64 => HostBuffer.FromContiguous(Integers(rng, n, low, high).Select(v => unchecked((ulong)v)).ToArray(), shape),
            // complex: both parts drawn in [low, high)
            DType.Complex128 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => new System.Numerics.Complex(low + (high - low) * rng.NextDouble(), low + (high - low) * rng.NextDouble())).ToArray(), shape),
            DType.Complex64 => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => new Complex64((float)(low + (high - low) * rng.NextDouble()), (float)(low + (high - low) * rng.NextDouble()))).ToArray(), shape),
            _ => HostBuffer.FromContiguous(Enumerable.Range(0, n).Select(_ => low + (high - low) * rng.NextDouble()).ToArray(), shape),
        };
    }

    private static long[] Integers(Random rng, int n, double low, double high) =>
        Enumerable.Range(0, n).Select(_ => (long)rng.Next((int)low, (int)high + 1)).ToArray();

    /// <summary>Converts data the case built itself (index arrays, masks).</summary>
    public NDArray From<T>(T[] data, params int[] shape) where T : unmanaged =>
        _convert(HostBuffer.FromContiguous(data, shape.Length == 0 ? new Shape(data.Length) : new Shape(shape)));
}
