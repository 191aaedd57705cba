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
        using FileStream stream = OpenRead(path);
        return Read(stream);
    }

    /// <summary>
    /// Opens a file to read, refusing a directory by what it is (.NET's own words, "Access to the path is denied", suggest
    /// a permission problem; NumPy's IsADirectoryError says "Is a directory").
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> is a directory.</exception>
    internal static FileStream OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new IOException($"Is a directory: '{path}' (a .npy or .npz file was expected)");
        return File.OpenRead(path);
    }

    /// <summary>Reads a <c>.npy</c> array from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a supported <c>.npy</c> array.</exception>
    public static HostBuffer Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadBody(stream, ReadHeader(stream));
    }

    /// <summary>
    /// Reads the header of a numeric <c>.npy</c> file for a reader that fetches the data itself (a chunked backend reading
    /// each chunk's region): the one header parser, with its checks (a malformed header, an unsupported dtype, a shape
    /// that is not an array's, and, on a seekable stream, data the file does not hold are refused here, not found out
    /// as zeros where a region read comes up short).
    /// </summary>
    /// <exception cref="InvalidDataException">The header is malformed or its dtype is not one of <see cref="DType"/>'s.</exception>
    /// <exception cref="EndOfStreamException">The stream is seekable and shorter than the header says.</exception>
    public static NpyHeader ReadNumericHeader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Header header = ReadHeader(stream);
        if (!TryNumericDType(header, out DType dtype))
        {
            throw new InvalidDataException($"unsupported .npy dtype '{header.Descr}'; supported: {DTypes.AllNames}, either byte order");
        }
        bool bigEndian = header.SwapBytes ? BitConverter.IsLittleEndian : !BitConverter.IsLittleEndian && header.ItemSize > 1;
        return new NpyHeader(dtype, header.Shape, header.FortranOrder, bigEndian, header.HeaderBytes);
    }

    /// <summary>Reads the data of a numeric array whose header was just read (the stream need not seek).</summary>
    internal static HostBuffer ReadBody(Stream stream, Header header)
    {
        if (header.Kind is 'U' or 'S')
        {
            throw new InvalidDataException($"the .npy array holds strings (descr '{header.Descr}', shape {header.Shape}), and arrays here hold numbers only (no string dtype); " +
                "NpyFormat.TryReadString reads a 0-d or 1-element one, NpyArchive.Read(path).Strings those of an archive, and SparseIO.LoadNpz a SciPy sparse .npz (whose 'format' entry is one)");
        }
        long count = header.Shape.Size;
        if (header.DataBytes > Array.MaxLength)
        {
            throw new InvalidDataException($"the .npy array (shape {header.Shape}, dtype '{header.Descr}') has {header.DataBytes} data bytes, more than one .NET array holds ({Array.MaxLength}); Np.Load reads it into a backend's native memory");
        }
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
        if (header.DataBytes > MaxHeaderLength) throw new InvalidDataException($"the .npy string array (shape {header.Shape}, dtype '{header.Descr}') is not a short string: {header.DataBytes} bytes");
        // Several strings were read as one, run together ("ab", "c" gave "abc").
        if (header.Shape.Size > 1) throw new InvalidDataException($"the .npy array holds {header.Shape.Size} strings (shape {header.Shape}, dtype '{header.Descr}'), not one: only a 0-d or 1-element string array is read");
        byte[] raw = new byte[header.Shape.Size * header.ItemSize];
        ReadDataBytes(stream, raw, header);
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

    /// <summary>A parsed header; <paramref name="HeaderBytes"/> counts the magic, version, length field and header text.</summary>
    internal readonly record struct Header(string Descr, char Kind, int ItemSize, bool SwapBytes, bool FortranOrder, Shape Shape, long HeaderBytes)
    {
        /// <summary>The data's length in bytes (at most 2^63 - 1: a shape's size fits 64 bits and an item is at most 4 * 9999 bytes).</summary>
        public long DataBytes => Shape.Size > long.MaxValue / Math.Max(1, ItemSize) ? long.MaxValue : Shape.Size * ItemSize;
    }

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

    /// <summary>
    /// The longest header read, NumPy's <c>max_header_size</c> default (10000): a longer one is refused before it is read,
    /// so a file whose length field says 4 GB allocates nothing.
    /// </summary>
    internal const int MaxHeaderLength = 10000;

    internal static Header ReadHeader(Stream stream)
    {
        Span<byte> magic = stackalloc byte[8];
        ReadHeaderBytes(stream, magic);
        if (!magic[..6].SequenceEqual(s_magic)) throw new InvalidDataException("not a .npy file: the magic string \\x93NUMPY is missing");
        int major = magic[6];
        Span<byte> len = stackalloc byte[4];
        long headerLength;
        if (major == 1)
        {
            ReadHeaderBytes(stream, len[..2]);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            ReadHeaderBytes(stream, len);
            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(len);
        }
        else throw new InvalidDataException($"unsupported .npy format version {major}.{magic[7]}");
        if (headerLength > MaxHeaderLength)
        {
            throw new InvalidDataException($"Header info length ({headerLength}) is large and may not be safe to load securely: the .npy header is longer than NumPy's max_header_size ({MaxHeaderLength})");
        }
        byte[] text = new byte[headerLength];
        ReadHeaderBytes(stream, text);
        string dict = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(text);
        string descr = Field(dict, "descr");
        if (descr.StartsWith('[') || descr.StartsWith('{'))
        {
            // A list is a structured dtype ([('a', '<f8')]), a dict an aligned one: neither is one of the fourteen.
            throw new InvalidDataException($"unsupported .npy dtype {descr}: a structured dtype; supported: {DTypes.AllNames}");
        }
        if (descr.Length < 2 || descr[0] is not ('\'' or '"')) throw CannotParse(dict);
        descr = descr[1..^1];
        string fortranText = Field(dict, "fortran_order").Trim();
        bool fortran = fortranText switch
        {
            "True" => true,
            "False" => false,
            _ => throw new InvalidDataException($"fortran_order is not a valid bool: {fortranText}"),
        };
        string shapeField = Field(dict, "shape").Trim();
        if (shapeField.Length < 2 || shapeField[0] != '(' || shapeField[^1] != ')') throw new InvalidDataException($"shape is not valid: {shapeField}");
        string shapeText = shapeField[1..^1];
        int[] dims = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s.TrimEnd('L'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int d) ? d
                : throw new InvalidDataException($"the .npy shape ({shapeText}) has a dimension '{s}' that is not an integer of at most {int.MaxValue}"))
            .ToArray();
        foreach (int d in dims)
        {
            if (d < 0) throw new InvalidDataException($"the .npy shape ({shapeText}) has a negative dimension: negative dimensions are not allowed");
        }
        Shape shape;
        try
        {
            shape = new Shape(dims);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidDataException($"the .npy shape ({shapeText}) is not an array's: {ex.Message}", ex);
        }
        char order = descr.Length > 0 ? descr[0] : ' ';
        string type = order is '<' or '>' or '|' or '=' ? descr[1..] : descr;
        // A kind letter and a byte count of at most four digits: '<f8', '|u1', '<U5'; anything else ('<M8[ns]', '|O',
        // '<f8x', '<f99999999999') is refused by name here rather than failing in int.Parse.
        if (type.Length is < 1 or > 5 || !char.IsAsciiLetter(type[0]) || !int.TryParse(type.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int size) && type.Length > 1)
        {
            throw new InvalidDataException($"unsupported .npy dtype '{descr}'; supported: {DTypes.AllNames}");
        }
        char kind = type[0];
        if (type.Length == 1) size = 1;
        int itemSize = kind == 'U' ? size * 4 : size;
        bool swap = (order == '>' && BitConverter.IsLittleEndian) || (order == '<' && !BitConverter.IsLittleEndian);
        var header = new Header(descr, kind, itemSize, swap && itemSize > 1 && kind != 'S', fortran, shape, (major == 1 ? 10 : 12) + headerLength);
        if (stream.CanSeek) CheckDataLength(header, stream.Length - stream.Position);
        return header;
    }

    /// <summary>
    /// Refuses a header whose data would need more bytes than <paramref name="available"/> (the rest of a file, an archive
    /// entry's size) before anything is allocated for it: a 100-byte file whose header says (100000, 100000) is a short
    /// file, not a request for 75 GB.
    /// </summary>
    internal static void CheckDataLength(Header header, long available)
    {
        long needed = header.DataBytes;
        if (needed > available)
        {
            throw new EndOfStreamException($"Failed to read all data for array: the .npy file ends early (shape {header.Shape}, dtype '{header.Descr}', {needed} data bytes, {Math.Max(0, available)} in the file)");
        }
    }

    private static string Field(string dict, string key)
    {
        int at = dict.IndexOf($"'{key}'", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($".npy header has no '{key}': {dict}");
        int colon = dict.IndexOf(':', at);
        if (colon < 0) throw CannotParse(dict);
        int i = colon + 1;
        while (i < dict.Length && dict[i] == ' ') i++;
        if (i >= dict.Length) throw CannotParse(dict);
        if (dict[i] is '(' or '[')
        {
            int close = dict.IndexOf(dict[i] == '(' ? ')' : ']', i);
            return close < 0 ? throw CannotParse(dict) : dict[i..(close + 1)];
        }
        int end = i;
        if (dict[i] is '\'' or '"')
        {
            end = dict.IndexOf(dict[i], i + 1);
            return end < 0 ? throw CannotParse(dict) : dict[i..(end + 1)];
        }
        while (end < dict.Length && dict[end] != ',' && dict[end] != '}') end++;
        return dict[i..end];
    }

    private static InvalidDataException CannotParse(string dict) => new($"Cannot parse header: {dict.TrimEnd()}");

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

/// <summary>A numeric <c>.npy</c> file's header, as <see cref="NpyFormat.ReadNumericHeader"/> reads it.</summary>
/// <param name="DType">The elements' dtype.</param>
/// <param name="Shape">The array's shape.</param>
/// <param name="FortranOrder">Whether the data are in Fortran (column-major) order.</param>
/// <param name="BigEndian">Whether the elements are stored big-endian.</param>
/// <param name="DataOffset">Where the data start: the bytes of the magic string, version, length field and header.</param>
public readonly record struct NpyHeader(DType DType, Shape Shape, bool FortranOrder, bool BigEndian, long DataOffset);
