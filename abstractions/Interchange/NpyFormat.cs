using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ArrayDispatch.Interchange;

/// <summary>
/// NumPy's <c>.npy</c> format: reads C- and Fortran-ordered files of either byte order into a <see cref="HostBuffer"/>
/// (a Fortran-ordered file becomes a buffer with Fortran strides, without reordering), and writes version 1.0 files
/// byte-identical to <c>numpy.save</c> (C order, little-endian by default; big-endian and Fortran order on request).
/// </summary>
/// <remarks>
/// Every dtype of <see cref="DType"/> reads and writes as itself (<c>|b1</c>, <c>|i1</c>, <c>&lt;i2</c> … <c>&lt;u8</c>,
/// <c>&lt;f2</c>, <c>&lt;f4</c>, <c>&lt;f8</c>, <c>&lt;c8</c>, <c>&lt;c16</c>, and their <c>&gt;</c> forms). A 0-d unicode
/// or bytes array (as SciPy stores a sparse format name) reads with <see cref="TryReadString"/>.
/// </remarks>
public static class NpyFormat
{
    private static readonly byte[] s_magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a <c>.npy</c> file.</summary>
    /// <exception cref="InvalidDataException">The file is not a supported <c>.npy</c> file.</exception>
    public static HostBuffer Read(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a <c>.npy</c> array from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a supported <c>.npy</c> array.</exception>
    public static HostBuffer Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadBody(stream, ReadHeader(stream));
    }

    /// <summary>Reads the data of a numeric array whose header was just read (the stream need not seek).</summary>
    internal static HostBuffer ReadBody(Stream stream, Header header)
    {
        if (header.Kind is 'U' or 'S')
        {
            throw new InvalidDataException($"the .npy array holds strings (descr '{header.Descr}'); read it with NpyFormat.TryReadString");
        }
        long count = header.Shape.Size;
        byte[] raw = new byte[count * header.ItemSize];
        ReadDataBytes(stream, raw, header);
        Array data = Decode(raw, header, count, out DType dtype);
        long[] strides = header.FortranOrder ? FortranStrides(header.Shape) : header.Shape.ContiguousStrides();
        return new HostBuffer(data, dtype, header.Shape, strides);
    }

    /// <summary>Reads a 0-d or 1-element string array (<c>'&lt;U3'</c>, <c>'|S3'</c>), as SciPy's sparse <c>format</c> entry.</summary>
    public static bool TryReadString(Stream stream, out string value)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return TryReadStringBody(stream, ReadHeader(stream), out value);
    }

    /// <summary>The string of an array whose header was just read; false (nothing more read) when it holds no strings.</summary>
    internal static bool TryReadStringBody(Stream stream, Header header, out string value)
    {
        value = "";
        if (header.Kind is not ('U' or 'S')) return false;
        byte[] raw = new byte[header.Shape.Size * header.ItemSize];
        stream.ReadExactly(raw);
        if (header.Kind == 'S') value = Encoding.ASCII.GetString(raw).TrimEnd('\0');
        else
        {
            if (header.SwapBytes) Swap(raw, 4);
            value = Encoding.UTF32.GetString(raw).TrimEnd('\0');
        }
        return true;
    }

    /// <summary>Writes <paramref name="buffer"/> to a <c>.npy</c> file (C order, little-endian), as <c>numpy.save</c> does.</summary>
    public static void Write(string path, HostBuffer buffer)
    {
        using FileStream stream = File.Create(path);
        Write(stream, buffer);
    }

    /// <summary>Writes <paramref name="buffer"/> as a <c>.npy</c> array to <paramref name="stream"/> (C order, little-endian).</summary>
    public static void Write(Stream stream, HostBuffer buffer) => Write(stream, buffer, bigEndian: false, fortranOrder: false);

    /// <summary>
    /// Writes <paramref name="buffer"/> as a <c>.npy</c> array to <paramref name="stream"/>, with the elements big-endian
    /// (<c>'&gt;i4'</c>, as NumPy saves a byte-swapped array) or little-endian, and in Fortran order
    /// (<c>'fortran_order': True</c>, as NumPy saves a Fortran-contiguous array) or C order.
    /// </summary>
    public static void Write(Stream stream, HostBuffer buffer, bool bigEndian, bool fortranOrder)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(buffer);
        WriteHeader(stream, buffer.DType, buffer.Shape, bigEndian, fortranOrder);
        ReadOnlySpan<int> dims = buffer.Shape.Dims;
        // Fortran order is the C order of the view with the axes reversed.
        HostBuffer ordered = fortranOrder
            ? new HostBuffer(buffer.Data, buffer.DType, new Shape(dims.ToArray().Reverse().ToArray()), buffer.Strides.Reverse().ToArray(), buffer.Offset)
            : buffer;
        Array data = ordered.ToContiguousArray(mayAlias: true);
        int itemSize = buffer.DType.ItemSize();
        ReadOnlySpan<byte> bytes = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(data), data.Length * itemSize);
        if (bigEndian == !BitConverter.IsLittleEndian || itemSize == 1)
        {
            stream.Write(bytes);
            return;
        }
        byte[] scratch = new byte[ChunkLength(itemSize, bytes.Length)];
        for (int at = 0; at < bytes.Length; at += scratch.Length)
        {
            Span<byte> chunk = scratch.AsSpan(0, Math.Min(scratch.Length, bytes.Length - at));
            bytes.Slice(at, chunk.Length).CopyTo(chunk);
            Swap(chunk, buffer.DType.IsComplex() ? itemSize / 2 : itemSize);
            stream.Write(chunk);
        }
    }

    /// <summary>
    /// The bytes .npy I/O moves at a time when it streams (arrays above this size save and load through
    /// <see cref="IHostContiguousBytes"/> without a whole-array copy); settable for tests.
    /// </summary>
    internal static int ChunkBytes { get; set; } = 64 << 20;

    private static int ChunkLength(int itemSize, long total) =>
        (int)Math.Max(1, Math.Min(total, Math.Max(itemSize, ChunkBytes - ChunkBytes % itemSize)));

    /// <summary>Writes the header of a <c>.npy</c> array as <c>numpy.save</c> does (version 1.0, or 2.0 when the header needs it).</summary>
    internal static void WriteHeader(Stream stream, DType dtype, Shape shape, bool bigEndian, bool fortranOrder)
    {
        string descr = Descr(dtype, bigEndian);
        ReadOnlySpan<int> dims = shape.Dims;
        string shapeText = dims.Length == 1 ? $"({dims[0]},)" : "(" + string.Join(", ", dims.ToArray()) + ")";
        string dict = $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shapeText}, }}";
        int prefix = 10;
        int pad = (64 - (prefix + dict.Length + 1) % 64) % 64;
        bool v2 = dict.Length + 1 + pad > ushort.MaxValue;
        if (v2)
        {
            prefix = 12;
            pad = (64 - (prefix + dict.Length + 1) % 64) % 64;
        }
        string text = dict + new string(' ', pad) + "\n";
        stream.Write(s_magic);
        stream.WriteByte(v2 ? (byte)2 : (byte)1);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[4];
        if (v2)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)text.Length);
            stream.Write(length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)text.Length);
            stream.Write(length[..2]);
        }
        stream.Write(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>
    /// Writes the <paramref name="bytes"/> bytes of <paramref name="source"/>'s C-ordered elements of <paramref name="dtype"/>
    /// to <paramref name="stream"/> a chunk at a time, byte-swapped when <paramref name="bigEndian"/> differs from the host's order.
    /// </summary>
    internal static void WriteData(Stream stream, IHostContiguousBytes source, long bytes, DType dtype, bool bigEndian)
    {
        int itemSize = dtype.ItemSize();
        bool swap = itemSize > 1 && bigEndian == BitConverter.IsLittleEndian;
        int chunkLength = ChunkLength(itemSize, bytes);
        byte[]? scratch = swap ? new byte[chunkLength] : null;
        for (long at = 0; at < bytes; at += chunkLength)
        {
            int length = (int)Math.Min(chunkLength, bytes - at);
            Span<byte> chunk = source.HostBytes(at, length);
            if (scratch is not null)
            {
                chunk.CopyTo(scratch);
                chunk = scratch.AsSpan(0, length);
                Swap(chunk, dtype.IsComplex() ? itemSize / 2 : itemSize);
            }
            stream.Write(chunk);
        }
    }

    /// <summary>
    /// Reads the <paramref name="bytes"/> data bytes of a <c>.npy</c> array with <paramref name="header"/> from
    /// <paramref name="stream"/> into <paramref name="destination"/> a chunk at a time, in the host's byte order.
    /// </summary>
    internal static void ReadData(Stream stream, IHostContiguousBytes destination, long bytes, Header header, DType dtype)
    {
        int itemSize = dtype.ItemSize();
        int chunkLength = ChunkLength(itemSize, bytes);
        for (long at = 0; at < bytes; at += chunkLength)
        {
            Span<byte> chunk = destination.HostBytes(at, (int)Math.Min(chunkLength, bytes - at));
            ReadDataBytes(stream, chunk, header);
            if (header.SwapBytes) Swap(chunk, dtype.IsComplex() ? itemSize / 2 : itemSize);
        }
    }

    /// <summary>The dtype of a numeric <c>.npy</c> header, false for strings and dtypes outside <see cref="DType"/>.</summary>
    internal static bool TryNumericDType(Header header, out DType dtype)
    {
        dtype = default;
        return header.Kind is 'b' or 'i' or 'u' or 'f' or 'c' && DTypes.TryParse(header.Descr, out dtype) && dtype.ItemSize() == header.ItemSize;
    }

    /// <summary>NumPy's array-protocol string of <paramref name="dtype"/> (<c>'&lt;i2'</c>, <c>'|u1'</c>, <c>'&gt;c16'</c>), as <c>dtype.str</c>.</summary>
    public static string Descr(DType dtype, bool bigEndian = false)
    {
        int size = dtype.ItemSize();
        char kind = dtype == DType.Bool ? 'b' : dtype.IsSignedInteger() ? 'i' : dtype.IsUnsignedInteger() ? 'u' : dtype.IsFloat() ? 'f' : 'c';
        char order = size == 1 ? '|' : bigEndian ? '>' : '<';
        return FormattableString.Invariant($"{order}{kind}{size}");
    }

    internal readonly record struct Header(string Descr, char Kind, int ItemSize, bool SwapBytes, bool FortranOrder, Shape Shape);

    // A short file says what it is short of (.NET's "Unable to read beyond the end of the stream" names nothing).
    private static void ReadHeaderBytes(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("not a .npy file, or a truncated one: it ends inside the header", ex);
        }
    }

    private static void ReadDataBytes(Stream stream, Span<byte> buffer, Header header)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new EndOfStreamException($"Failed to read all data for array: the .npy file ends early (shape {header.Shape}, dtype '{header.Descr}', {header.Shape.Size * header.ItemSize} data bytes)", ex);
        }
    }

    internal static Header ReadHeader(Stream stream)
    {
        Span<byte> magic = stackalloc byte[8];
        ReadHeaderBytes(stream, magic);
        if (!magic[..6].SequenceEqual(s_magic)) throw new InvalidDataException("not a .npy file: the magic string \\x93NUMPY is missing");
        int major = magic[6];
        Span<byte> len = stackalloc byte[4];
        int headerLength;
        if (major == 1)
        {
            ReadHeaderBytes(stream, len[..2]);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            ReadHeaderBytes(stream, len);
            headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(len);
        }
        else throw new InvalidDataException($"unsupported .npy format version {major}.{magic[7]}");
        byte[] text = new byte[headerLength];
        ReadHeaderBytes(stream, text);
        string dict = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(text);
        string descr = Field(dict, "descr").Trim().Trim('\'', '"');
        bool fortran = Field(dict, "fortran_order").Trim() == "True";
        string shapeText = Field(dict, "shape").Trim().TrimStart('(').TrimEnd(')');
        int[] dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s.TrimEnd('L'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int d) ? d
                : throw new InvalidDataException($"the .npy shape ({shapeText}) has a dimension '{s}' that is not an integer of at most {int.MaxValue}"))
            .ToArray();
        if (descr.Length < 2) throw new InvalidDataException($"unsupported .npy dtype '{descr}'");
        char order = descr[0];
        string type = order is '<' or '>' or '|' or '=' ? descr[1..] : descr;
        char kind = type[0];
        int size = type.Length > 1 ? int.Parse(type[1..], CultureInfo.InvariantCulture) : 1;
        int itemSize = kind == 'U' ? size * 4 : size;
        bool swap = (order == '>' && BitConverter.IsLittleEndian) || (order == '<' && !BitConverter.IsLittleEndian);
        return new Header(descr, kind, itemSize, swap && itemSize > 1 && kind != 'S', fortran, new Shape(dims));
    }

    private static string Field(string dict, string key)
    {
        int at = dict.IndexOf($"'{key}'", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($".npy header has no '{key}': {dict}");
        int colon = dict.IndexOf(':', at);
        int i = colon + 1;
        while (i < dict.Length && dict[i] == ' ') i++;
        if (dict[i] == '(') return dict[i..(dict.IndexOf(')', i) + 1)];
        int end = i;
        if (dict[i] is '\'' or '"')
        {
            end = dict.IndexOf(dict[i], i + 1) + 1;
            return dict[i..end];
        }
        while (end < dict.Length && dict[end] != ',' && dict[end] != '}') end++;
        return dict[i..end];
    }

    private static Array Decode(byte[] raw, Header h, long count, out DType dtype)
    {
        if (h.Kind is not ('b' or 'i' or 'u' or 'f' or 'c') || !DTypes.TryParse(h.Descr, out dtype) || dtype.ItemSize() != h.ItemSize)
        {
            throw new InvalidDataException($"unsupported .npy dtype '{h.Descr}' ({count} elements); supported: {DTypes.AllNames}");
        }
        // A complex element is two floats, each in the file's byte order.
        if (h.SwapBytes) Swap(raw, dtype.IsComplex() ? h.ItemSize / 2 : h.ItemSize);
        Array data = Array.CreateInstance(dtype.ClrType(), count);
        raw.CopyTo(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(data), raw.Length));
        return data;
    }

    private static void Swap(Span<byte> raw, int itemSize)
    {
        for (int i = 0; i + itemSize <= raw.Length; i += itemSize) raw.Slice(i, itemSize).Reverse();
    }

    internal static long[] FortranStrides(Shape shape)
    {
        var strides = new long[shape.Rank];
        long stride = 1;
        for (int i = 0; i < shape.Rank; i++)
        {
            strides[i] = stride;
            stride *= Math.Max(shape.Dims[i], 1);
        }
        return strides;
    }
}
