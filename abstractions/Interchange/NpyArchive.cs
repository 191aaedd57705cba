using System.IO.Compression;

namespace ArrayDispatch.Interchange;

/// <summary>
/// NumPy's <c>.npz</c> format (a zip of <c>.npy</c> files, stored or deflated), including SciPy's <c>save_npz</c> sparse
/// files: their components (<c>data</c>, <c>indices</c>, <c>indptr</c>, <c>row</c>, <c>col</c>, <c>shape</c>) are in
/// <see cref="Arrays"/>, the <c>format</c> in <see cref="Strings"/>, and <see cref="ToDense"/> builds the dense matrix.
/// </summary>
public sealed class NpyArchive
{
    private NpyArchive(Dictionary<string, HostBuffer> arrays, Dictionary<string, string> strings)
    {
        Arrays = arrays;
        Strings = strings;
    }

    /// <summary>The numeric arrays, by name (the entry name without <c>.npy</c>).</summary>
    public IReadOnlyDictionary<string, HostBuffer> Arrays { get; }

    /// <summary>The string entries, by name (SciPy's <c>format</c>).</summary>
    public IReadOnlyDictionary<string, string> Strings { get; }

    /// <summary>The SciPy sparse format (<c>"csr"</c>, <c>"csc"</c>, <c>"coo"</c>), or null when the archive is not a sparse matrix.</summary>
    public string? SparseFormat => Strings.TryGetValue("format", out string? f) && Arrays.ContainsKey("shape") ? f : null;

    /// <summary>Reads a <c>.npz</c> file.</summary>
    /// <exception cref="InvalidDataException">An entry is not a supported <c>.npy</c> array.</exception>
    public static NpyArchive Read(string path)
    {
        using FileStream stream = NpyFormat.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a <c>.npz</c> archive from <paramref name="stream"/>.</summary>
    public static NpyArchive Read(Stream stream)
    {
        using ZipArchive zip = OpenZip(stream, leaveOpen: true);
        var arrays = new Dictionary<string, HostBuffer>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            string name = EntryName(entry);
            try
            {
                using Stream s = entry.Open();   // read in order from the entry: no copy of the entry in memory
                NpyFormat.Header header = NpyFormat.ReadHeader(s);
                NpyFormat.CheckDataLength(header, entry.Length - header.HeaderBytes);
                if (NpyFormat.TryReadStringBody(s, header, out string text)) strings[name] = text;
                else arrays[name] = NpyFormat.ReadBody(s, header);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                throw EntryFailed(entry, e);
            }
        }
        return new NpyArchive(arrays, strings);
    }

    /// <summary>
    /// Opens a <c>.npz</c> archive for reading; a file that is no zip archive is refused as such (.NET's own words,
    /// "Central Directory corrupt.", did not say what was expected).
    /// </summary>
    internal static ZipArchive OpenZip(Stream stream, bool leaveOpen)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"not a .npz archive (NumPy's savez writes a zip file): {e.Message}", e);
        }
    }

    /// <summary>The error of an archive's entry, naming it: an archive holds many arrays, and the message alone did not say which was bad.</summary>
    internal static Exception EntryFailed(ZipArchiveEntry entry, Exception e)
    {
        string message = $"archive entry '{entry.FullName}': {e.Message}";
        return e is EndOfStreamException ? new EndOfStreamException(message, e) : new InvalidDataException(message, e);
    }

    /// <summary>An entry's array name: its path without <c>.npy</c>, as <c>numpy.load</c> names the arrays of an archive.</summary>
    internal static string EntryName(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;

    /// <summary>Writes arrays to a <c>.npz</c> file (stored, as <c>numpy.savez</c>).</summary>
    public static void Write(string path, IReadOnlyDictionary<string, HostBuffer> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        using FileStream stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach ((string name, HostBuffer buffer) in arrays)
        {
            ZipArchiveEntry entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
            using Stream s = entry.Open();
            NpyFormat.Write(s, buffer);
        }
    }

    /// <summary>The dense matrix of a SciPy sparse archive (csr, csc or coo), in the dtype of its <c>data</c>.</summary>
    /// <exception cref="InvalidDataException">The archive is not a supported sparse matrix.</exception>
    public HostBuffer ToDense()
    {
        string format = SparseFormat ?? throw new InvalidDataException("the archive is not a SciPy sparse matrix (no 'format' and 'shape' entries)");
        if (format is not ("csr" or "csc" or "coo")) throw new InvalidDataException($"sparse format '{format}' is not supported; supported: csr, csc, coo");
        HostBuffer data = Component("data");
        return data.DType switch
        {
            DType.Bool => Dense<byte>(format, HostBuffer.FromContiguous(Array.ConvertAll(data.ToContiguous<bool>(), v => v ? (byte)1 : (byte)0), data.Shape), DType.Bool),
            DType.Int8 => Dense<sbyte>(format, data, null),
            DType.Int16 => Dense<short>(format, data, null),
            DType.Int32 => Dense<int>(format, data, null),
            DType.Int64 => Dense<long>(format, data, null),
            DType.UInt8 => Dense<byte>(format, data, null),
            DType.UInt16 => Dense<ushort>(format, data, null),
            DType.UInt32 => Dense<uint>(format, data, null),
            DType.UInt64 => Dense<ulong>(format, data, null),
            DType.Float16 => Dense<Half>(format, data, null),
            DType.Float32 => Dense<float>(format, data, null),
            DType.Float64 => Dense<double>(format, data, null),
            DType.Complex64 => Dense<Complex64>(format, data, null),
            DType.Complex128 => Dense<System.Numerics.Complex>(format, data, null),
            _ => throw new InvalidDataException($"the sparse archive's data has dtype {data.DType.Name()}, which has no dense form here"),
        };
    }

    // Duplicate entries add up, as SciPy's todense does (for bool: any true entry makes the element true). The components
    // are checked first, with SciPy's check_format words: a hostile archive fails naming what is wrong, never with an
    // index out of a .NET array's range or an allocation its shape entry asks for.
    private HostBuffer Dense<T>(string format, HostBuffer data, DType? asBool) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        (int rows, int cols) = SparseShape();
        T[] values = data.ToContiguous<T>();
        if (data.Shape.Rank != 1) throw new InvalidDataException($"the sparse archive's data has shape {data.Shape}; SciPy's is 1-d");
        if ((long)rows * cols > Array.MaxLength)
        {
            throw new InvalidDataException($"the sparse matrix's dense form ({rows}, {cols}) has {(long)rows * cols} elements, more than one .NET array holds ({Array.MaxLength})");
        }
        var dense = new T[(long)rows * cols];
        switch (format)
        {
            case "csr" or "csc":
            {
                long[] indices = Ints("indices"), indptr = Ints("indptr");
                bool csr = format == "csr";
                int outer = csr ? rows : cols, inner = csr ? cols : rows;
                string innerName = csr ? "column" : "row";
                if (indptr.Length != outer + 1) throw new InvalidDataException($"index pointer size ({indptr.Length}) should be ({outer + 1})");
                if (indptr[0] != 0) throw new InvalidDataException("index pointer should start with 0");
                if (indices.Length != values.Length) throw new InvalidDataException("indices and data should have the same size");
                if (indptr[^1] > indices.Length) throw new InvalidDataException("Last value of index pointer should be less than the size of index and data arrays");
                for (int i = 0; i < outer; i++)
                {
                    if (indptr[i + 1] < indptr[i]) throw new InvalidDataException("index pointer values must form a non-decreasing sequence");
                }
                foreach (long k in indices)
                {
                    if (k >= inner) throw new InvalidDataException($"{innerName} index values must be < {inner}");
                    if (k < 0) throw new InvalidDataException($"{innerName} index values must be >= 0");
                }
                for (int i = 0; i < outer; i++)
                {
                    for (long p = indptr[i]; p < indptr[i + 1]; p++)
                    {
                        long r = csr ? i : indices[p], c = csr ? indices[p] : i;
                        dense[r * cols + c] += values[p];
                    }
                }
                break;
            }
            default:
            {
                long[] row = Ints("row"), col = Ints("col");
                if (row.Length != values.Length || col.Length != values.Length) throw new InvalidDataException("row, column, and data array must all be the same length");
                for (int p = 0; p < values.Length; p++)
                {
                    if (row[p] >= rows) throw new InvalidDataException("row index exceeds matrix dimensions");
                    if (col[p] >= cols) throw new InvalidDataException("column index exceeds matrix dimensions");
                    if (row[p] < 0) throw new InvalidDataException("negative row index found");
                    if (col[p] < 0) throw new InvalidDataException("negative column index found");
                }
                for (int p = 0; p < values.Length; p++) dense[row[p] * cols + col[p]] += values[p];
                break;
            }
        }
        var s = new Shape(rows, cols);
        return asBool is null ? HostBuffer.FromContiguous(dense, s) : HostBuffer.FromContiguous(Array.ConvertAll(dense, v => !T.IsZero(v)), s);
    }

    /// <summary>The archive's 'shape' entry: two non-negative dimensions of at most <see cref="int.MaxValue"/>.</summary>
    private (int Rows, int Cols) SparseShape()
    {
        long[] shape = Ints("shape");
        if (shape.Length != 2) throw new InvalidDataException($"the sparse archive's shape has {shape.Length} entries ({string.Join(", ", shape)}); a SciPy sparse matrix is 2-d");
        foreach (long d in shape)
        {
            if (d < 0) throw new InvalidDataException($"'shape' elements cannot be negative: ({shape[0]}, {shape[1]})");
            if (d > int.MaxValue) throw new InvalidDataException($"the sparse archive's shape ({shape[0]}, {shape[1]}) has a dimension above {int.MaxValue}");
        }
        return ((int)shape[0], (int)shape[1]);
    }

    /// <summary>The archive's entry <paramref name="name"/>, refused by name where it is missing.</summary>
    private HostBuffer Component(string name) =>
        Arrays.TryGetValue(name, out HostBuffer? b) ? b
        : throw new InvalidDataException($"the sparse archive (format '{SparseFormat}') has no '{name}' entry; it has: {string.Join(", ", Arrays.Keys.Concat(Strings.Keys).Order(StringComparer.Ordinal))}");

    private long[] Ints(string name)
    {
        HostBuffer b = Component(name);
        if (b.Shape.Rank != 1) throw new InvalidDataException($"the sparse archive's '{name}' has shape {b.Shape}; SciPy's is 1-d");
        return b.DType switch
        {
            DType.Int64 => b.ToContiguous<long>(),
            DType.Int32 => Array.ConvertAll(b.ToContiguous<int>(), v => (long)v),
            DType.Int16 => Array.ConvertAll(b.ToContiguous<short>(), v => (long)v),
            DType.Int8 => Array.ConvertAll(b.ToContiguous<sbyte>(), v => (long)v),
            DType.UInt8 => Array.ConvertAll(b.ToContiguous<byte>(), v => (long)v),
            DType.UInt16 => Array.ConvertAll(b.ToContiguous<ushort>(), v => (long)v),
            DType.UInt32 => Array.ConvertAll(b.ToContiguous<uint>(), v => (long)v),
            _ => throw new InvalidDataException($"the sparse archive's '{name}' has dtype {b.DType.Name()}; its indices must be integers (SciPy stores int32 or int64)"),
        };
    }
}
