using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>
/// <c>chunked.from_npy</c>: a lazy array over a <c>.npy</c> file (C order, any dtype, either byte order);
/// each chunk's task reads only its own region of the file.
/// </summary>
internal static class NpyReader
{
    public static ChunkedArray Open(ChunkedContext context, string path, int[]? chunkShape)
    {
        var (dtype, shape, dataOffset, bigEndian) = ReadHeader(path);
        Chunks chunks = Creation.ChunksFor(shape, dtype, chunkShape);
        string name = Names.Layer("from-npy", Path.GetFullPath(path), shape, chunks, File.GetLastWriteTimeUtc(path).Ticks);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, dtype, shape.Rank);
        long[] strides = shape.ContiguousStrides();
        string backend = context.ChunkBackend;
        // Described (the file's path and the chunk's region), so the chunks are read on a cluster's workers too: each
        // worker reads its own chunks from the same path, as dask.distributed's workers do for from_npy_stack.
        return LayerBuilder.BuildSpec(context, name, "from-npy", shape, chunks, meta, [], index =>
        {
            int[] start = new int[shape.Rank];
            for (int axis = 0; axis < shape.Rank; axis++)
            {
                for (int b = 0; b < index[axis]; b++) start[axis] += chunks[axis][b];
            }
            return ([], TaskSpec.NpyRegion(Path.GetFullPath(path), dataOffset, dtype, bigEndian, strides, start, chunks.BlockShape(index), backend));
        });
    }

    /// <summary>One chunk: the region at <paramref name="start"/> of <paramref name="shape"/>, as an array of <paramref name="backend"/>.</summary>
    internal static NDArray ReadChunk(IArrayDispatcher dispatcher, string path, long dataOffset, DType dtype, bool bigEndian, long[] strides, int[] start, int[] shape, string backend)
    {
        Array data = ReadRegion(path, dataOffset, dtype, bigEndian, strides, start, shape);
        var buffer = new HostBuffer(data, dtype, new Shape(shape), new Shape(shape).ContiguousStrides());
        return dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(buffer, null, false, new Placement(Backend: backend)));
    }

    internal static (DType DType, Shape Shape, long DataOffset, bool BigEndian) ReadHeader(string path)
    {
        using FileStream stream = File.OpenRead(path);
        NpyHeader header;
        try
        {
            // The protocol's one parser: it refuses a malformed header, and a file shorter than its header says (each
            // chunk's region read would otherwise come up short and leave zeros).
            header = NpyFormat.ReadNumericHeader(stream);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"'{path}': {ex.Message}", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new EndOfStreamException($"'{path}': {ex.Message}", ex);
        }
        if (header.FortranOrder) throw new NotSupportedException($"'{path}' is in Fortran order; only C-order .npy files are read chunk by chunk");
        return (header.DType, header.Shape, header.DataOffset, header.BigEndian);
    }

    private static Array ReadRegion(string path, long dataOffset, DType dtype, bool bigEndian, long[] strides, int[] start, int[] shape)
    {
        int item = dtype.ItemSize();
        long count = 1;
        foreach (int d in shape) count *= d;
        var bytes = new byte[count * item];
        int rank = shape.Length;
        using var handle = File.OpenHandle(path);
        if (rank == 0)
        {
            ReadExactly(handle, bytes, dataOffset, path);
        }
        else if (count > 0)
        {
            int row = shape[rank - 1];
            long rows = count / row;
            var index = new int[rank - 1];
            for (long r = 0; r < rows; r++)
            {
                long element = start[rank - 1];
                for (int axis = 0; axis < rank - 1; axis++) element += (start[axis] + index[axis]) * strides[axis];
                ReadExactly(handle, bytes.AsSpan((int)(r * row * item), row * item), dataOffset + element * item, path);
                for (int axis = rank - 2; axis >= 0; axis--)
                {
                    if (++index[axis] < shape[axis]) break;
                    index[axis] = 0;
                }
            }
        }
        if (bigEndian == BitConverter.IsLittleEndian && item > 1)
        {
            // A complex element is two floats, each in the file's byte order.
            int unit = dtype.IsComplex() ? item / 2 : item;
            for (int i = 0; i + unit <= bytes.Length; i += unit) bytes.AsSpan(i, unit).Reverse();
        }
        Array data = Array.CreateInstance(dtype.ClrType(), count);
        bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(data), bytes.Length));
        return data;
    }

    // A file cut short after from_npy read its header: the chunk fails, where the bytes not read stayed zeros.
    private static void ReadExactly(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (!buffer.IsEmpty)
        {
            int read = RandomAccess.Read(handle, buffer, offset);
            if (read == 0) throw new EndOfStreamException($"'{path}' ends at byte {offset}, inside the data its .npy header describes (was it truncated after from_npy opened it?)");
            buffer = buffer[read..];
            offset += read;
        }
    }
}
