using System.Buffers.Binary;
using System.Globalization;
using System.Text;
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
        Span<byte> magic = stackalloc byte[10];
        stream.ReadExactly(magic);
        if (magic[0] != 0x93 || Encoding.ASCII.GetString(magic[1..6]) != "NUMPY") throw new InvalidDataException($"'{path}' is not a .npy file (no \\x93NUMPY magic)");
        int major = magic[6];
        int headerLength;
        int prefix;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(magic[8..10]);
            prefix = 10;
        }
        else
        {
            Span<byte> extra = stackalloc byte[2];
            stream.ReadExactly(extra);
            headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian([magic[8], magic[9], extra[0], extra[1]]);
            prefix = 12;
        }
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        string text = Encoding.Latin1.GetString(header);
        string descr = Field(text, "descr").Trim('\'', '"', ' ');
        if (Field(text, "fortran_order").Trim() != "False") throw new NotSupportedException($"'{path}' is in Fortran order; only C-order .npy files are read chunk by chunk");
        if (!DTypes.TryParse(descr, out DType dtype, out bool bigEndian) || descr.TrimStart('<', '>', '|', '=').Length < 2)
        {
            throw new NotSupportedException($"'{path}' has dtype '{descr}'; supported: {DTypes.AllNames}, either byte order");
        }

        string shapeText = Field(text, "shape").Trim().TrimStart('(').TrimEnd(')');
        int[] dims = [.. shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        return (dtype, new Shape(dims), prefix + headerLength, bigEndian);
    }

    private static string Field(string header, string name)
    {
        int at = header.IndexOf("'" + name + "'", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"the .npy header has no '{name}': {header}");
        int colon = header.IndexOf(':', at);
        int end = name == "shape" ? header.IndexOf(')', colon) + 1 : header.IndexOf(',', colon);
        return header[(colon + 1)..end];
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
            RandomAccess.Read(handle, bytes, dataOffset);
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
                RandomAccess.Read(handle, bytes.AsSpan((int)(r * row * item), row * item), dataOffset + element * item);
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
}
