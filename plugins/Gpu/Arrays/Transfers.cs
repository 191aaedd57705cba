using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Interchange;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>Host ↔ device copies, through the protocol's <see cref="HostBuffer"/>.</summary>
internal static class Transfers
{
    /// <summary>Uploads <paramref name="source"/> (a <see cref="HostBuffer"/>, any backend's array, a .NET array of any rank, or a .NET scalar).</summary>
    /// <exception cref="ArgumentException">The source is not one of those.</exception>
    public static GpuArray Upload(GpuRuntime runtime, object source) => source switch
    {
        HostBuffer buffer => Upload(runtime, buffer),
        NDArray array => UploadExport(runtime, array),
        Array array => Upload(runtime, FromDotNet(array)),
        double d => Upload(runtime, HostBuffer.FromContiguous(new[] { d }, Shape.Scalar)),
        float f => Upload(runtime, HostBuffer.FromContiguous(new[] { f }, Shape.Scalar)),
        long l => Upload(runtime, HostBuffer.FromContiguous(new[] { l }, Shape.Scalar)),
        int i => Upload(runtime, HostBuffer.FromContiguous(new[] { i }, Shape.Scalar)),
        bool b => Upload(runtime, HostBuffer.FromContiguous(new[] { b }, Shape.Scalar)),
        sbyte v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        short v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        byte v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        ushort v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        uint v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        ulong v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        System.Half v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        Complex64 v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        System.Numerics.Complex v => Upload(runtime, HostBuffer.FromContiguous(new[] { v }, Shape.Scalar)),
        _ => throw new ArgumentException(
            $"asarray on Gpu takes an NDArray, a HostBuffer, a .NET array of a numeric element type (bool, sbyte … ulong, Half, float, double, Complex64, Complex) or such a scalar, not {source.GetType().Name}", nameof(source)),
    };

    private static GpuArray UploadExport(GpuRuntime runtime, NDArray array)
    {
        // Let go of the export at once: a native one holds the source's storage until it is disposed or collected.
        using HostBuffer export = array.ToHostForReading();   // copied to the device at once: only read
        return Upload(runtime, export);
    }

    public static GpuArray Upload(GpuRuntime runtime, HostBuffer buffer)
    {
        GpuDTypes.Require(buffer.DType, "asarray");
        GpuArray z = GpuOps.Empty(runtime, buffer.Shape, buffer.DType);
        try
        {
            switch (buffer.DType)
            {
                case DType.Bool:
                    CopyIn(z, MemoryMarshal.Cast<bool, byte>(buffer.ContiguousSpan<bool>()));
                    break;
                case DType.Int8: CopyIn(z, buffer.ContiguousSpan<sbyte>()); break;
                case DType.Int16: CopyIn(z, buffer.ContiguousSpan<short>()); break;
                case DType.UInt8: CopyIn(z, buffer.ContiguousSpan<byte>()); break;
                case DType.UInt16: CopyIn(z, buffer.ContiguousSpan<ushort>()); break;
                case DType.UInt32: CopyIn(z, buffer.ContiguousSpan<uint>()); break;
                case DType.UInt64: CopyIn(z, buffer.ContiguousSpan<ulong>()); break;
                case DType.Float16:
                    CopyIn(z, MemoryMarshal.Cast<System.Half, HalfBits>(buffer.ContiguousSpan<System.Half>()));   // the same bits
                    break;
                case DType.Int32: CopyIn(z, buffer.ContiguousSpan<int>()); break;
                case DType.Int64: CopyIn(z, buffer.ContiguousSpan<long>()); break;
                case DType.Float32: CopyIn(z, buffer.ContiguousSpan<float>()); break;
                case DType.Float64: CopyIn(z, buffer.ContiguousSpan<double>()); break;
                case DType.Complex64: CopyIn(z, buffer.ContiguousSpan<Complex64>()); break;
                case DType.Complex128: CopyIn(z, buffer.ContiguousSpan<System.Numerics.Complex>()); break;
            }
            // The spans above may point into native memory that the buffer's owner releases when the buffer is collected.
            GC.KeepAlive(buffer);
            return z;
        }
        catch
        {
            z.Dispose();
            throw;
        }
    }

    private static void CopyIn<T>(GpuArray z, ReadOnlySpan<T> data) where T : unmanaged
    {
        if (data.Length == 0) return;
        // Pending kernels may still use a recycled buffer on the default stream, and the staging copies run on their
        // own streams: wait for the device first. The upload itself returns once the caller's array has been read.
        z.Runtime.Synchronize();
        z.Runtime.Staging.Upload(data, z.Storage.View<T>());
        z.Runtime.Synchronize();
        z.Runtime.CountUpload((long)data.Length * Unsafe.SizeOf<T>());
    }

    /// <summary>Copies the elements to a new C-ordered host buffer (a contiguous copy is made on the device first for views).</summary>
    public static HostBuffer Download(GpuArray x)
    {
        using GpuArray source = GpuOps.Contiguous(x);
        long n = x.Size;
        switch (x.DType)
        {
            case DType.Bool:
                var bytes = new byte[n];
                CopyOut(source, bytes.AsSpan());
                var flags = new bool[n];
                for (long i = 0; i < n; i++) flags[i] = bytes[i] != 0;
                return HostBuffer.FromContiguous(flags, x.Shape);
            case DType.Int8: return HostBuffer.FromContiguous(CopyOut<sbyte>(source, n), x.Shape);
            case DType.Int16: return HostBuffer.FromContiguous(CopyOut<short>(source, n), x.Shape);
            case DType.UInt8: return HostBuffer.FromContiguous(CopyOut<byte>(source, n), x.Shape);
            case DType.UInt16: return HostBuffer.FromContiguous(CopyOut<ushort>(source, n), x.Shape);
            case DType.UInt32: return HostBuffer.FromContiguous(CopyOut<uint>(source, n), x.Shape);
            case DType.UInt64: return HostBuffer.FromContiguous(CopyOut<ulong>(source, n), x.Shape);
            case DType.Float16:
                var halves = GC.AllocateUninitializedArray<System.Half>(checked((int)n));
                CopyOut(source, MemoryMarshal.Cast<System.Half, HalfBits>(halves.AsSpan()));
                return HostBuffer.FromContiguous(halves, x.Shape);
            case DType.Int32: return HostBuffer.FromContiguous(CopyOut<int>(source, n), x.Shape);
            case DType.Int64: return HostBuffer.FromContiguous(CopyOut<long>(source, n), x.Shape);
            case DType.Float32: return HostBuffer.FromContiguous(CopyOut<float>(source, n), x.Shape);
            case DType.Float64: return HostBuffer.FromContiguous(CopyOut<double>(source, n), x.Shape);
            case DType.Complex64: return HostBuffer.FromContiguous(CopyOut<Complex64>(source, n), x.Shape);
            case DType.Complex128: return HostBuffer.FromContiguous(CopyOut<System.Numerics.Complex>(source, n), x.Shape);
            default: throw GpuDTypes.Unsupported(x.DType, "asnumpy");
        }
    }

    private static T[] CopyOut<T>(GpuArray source, long n) where T : unmanaged
    {
        T[] data = GC.AllocateUninitializedArray<T>(checked((int)n));   // every element is written: skip zeroing
        CopyOut(source, data.AsSpan());
        return data;
    }

    private static void CopyOut<T>(GpuArray source, Span<T> data) where T : unmanaged
    {
        if (data.Length == 0) return;
        source.Runtime.Synchronize();    // kernels that write the source may still be running
        source.Runtime.Staging.Download(source.Storage.View<T>().SubView(source.Offset, data.Length), data);
        source.Runtime.CountDownload((long)data.Length * Unsafe.SizeOf<T>());
    }

    /// <summary>A .NET array of any rank as a C-ordered buffer of its shape.</summary>
    private static HostBuffer FromDotNet(Array array)
    {
        var dims = new int[array.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = array.GetLength(i);
        var shape = new Shape(dims);
        // The element type decides, exactly: the runtime lets a uint[] pass as an int[] (and byte[] as sbyte[]) in a type test.
        Type element = array.GetType().GetElementType()!;
        foreach (DType d in DTypes.All)
        {
            if (d.ClrType() == element && !GpuDTypes.IsSupported(d)) throw GpuDTypes.Unsupported(d, "asarray");
        }
        if (array.Rank == 1 && array.GetType() != element.MakeArrayType()) throw new ArgumentException($"asarray on Gpu cannot read {array.GetType().Name}", nameof(array));
        if (array.GetType() == element.MakeArrayType())
        {
            // One dimension: the array itself, by its exact element type.
            return array switch
            {
                _ when element == typeof(double) => HostBuffer.FromContiguous((double[])array, shape),
                _ when element == typeof(float) => HostBuffer.FromContiguous((float[])array, shape),
                _ when element == typeof(long) => HostBuffer.FromContiguous((long[])array, shape),
                _ when element == typeof(int) => HostBuffer.FromContiguous((int[])array, shape),
                _ when element == typeof(bool) => HostBuffer.FromContiguous((bool[])array, shape),
                _ when element == typeof(sbyte) => HostBuffer.FromContiguous((sbyte[])array, shape),
                _ when element == typeof(short) => HostBuffer.FromContiguous((short[])array, shape),
                _ when element == typeof(byte) => HostBuffer.FromContiguous((byte[])array, shape),
                _ when element == typeof(ushort) => HostBuffer.FromContiguous((ushort[])array, shape),
                _ when element == typeof(uint) => HostBuffer.FromContiguous((uint[])array, shape),
                _ when element == typeof(ulong) => HostBuffer.FromContiguous((ulong[])array, shape),
                _ when element == typeof(System.Half) => HostBuffer.FromContiguous((System.Half[])array, shape),
                _ when element == typeof(Complex64) => HostBuffer.FromContiguous((Complex64[])array, shape),
                _ when element == typeof(System.Numerics.Complex) => HostBuffer.FromContiguous((System.Numerics.Complex[])array, shape),
                _ => throw NotReal(array),
            };
        }
        return element switch
        {
            _ when element == typeof(double) => Flatten<double>(array, shape),
            _ when element == typeof(float) => Flatten<float>(array, shape),
            _ when element == typeof(long) => Flatten<long>(array, shape),
            _ when element == typeof(int) => Flatten<int>(array, shape),
            _ when element == typeof(bool) => Flatten<bool>(array, shape),
            _ when element == typeof(sbyte) => Flatten<sbyte>(array, shape),
            _ when element == typeof(short) => Flatten<short>(array, shape),
            _ when element == typeof(byte) => Flatten<byte>(array, shape),
            _ when element == typeof(ushort) => Flatten<ushort>(array, shape),
            _ when element == typeof(uint) => Flatten<uint>(array, shape),
            _ when element == typeof(ulong) => Flatten<ulong>(array, shape),
            _ when element == typeof(System.Half) => Flatten<System.Half>(array, shape),
            _ when element == typeof(Complex64) => Flatten<Complex64>(array, shape),
            _ when element == typeof(System.Numerics.Complex) => Flatten<System.Numerics.Complex>(array, shape),
            _ => throw NotReal(array),
        };
    }

    private static ArgumentException NotReal(Array array) => new(
        $"asarray on Gpu takes .NET arrays of bool, sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double, Complex64 or Complex, not {array.GetType().Name}", nameof(array));

    private static HostBuffer Flatten<T>(Array array, Shape shape) where T : unmanaged
    {
        // A multi-dimensional .NET array stores its elements in C order, contiguously.
        ReadOnlySpan<T> span = MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), checked((int)array.LongLength));
        return HostBuffer.FromContiguous(span.ToArray(), shape);
    }
}
