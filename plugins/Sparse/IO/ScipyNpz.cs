using System.IO.Compression;
using System.Text;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.IO;

/// <summary>
/// SciPy's <c>save_npz</c>/<c>load_npz</c> files (csr, csc, coo) and pydata/sparse's COO <c>.npz</c> (<c>coords</c>,
/// <c>data</c>, <c>shape</c>), read through the protocol's <see cref="NpyArchive"/>. Every index is checked on load.
/// </summary>
public static class ScipyNpz
{
    /// <summary>Reads a sparse <c>.npz</c> file into a CSR, CSC or COO array as stored.</summary>
    /// <exception cref="InvalidDataException">The archive is not a sparse matrix, or its format is not csr, csc or coo.</exception>
    /// <exception cref="SparseIndexException">A stored index is outside the shape.</exception>
    public static SparseArray Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        NpyArchive archive = NpyArchive.Read(path);
        if (!archive.Arrays.TryGetValue("shape", out HostBuffer? shapeBuffer) || !archive.Arrays.TryGetValue("data", out HostBuffer? data))
        {
            throw new InvalidDataException($"'{path}' is not a sparse .npz file: it has no 'shape' and 'data' entries (entries: {string.Join(", ", archive.Arrays.Keys.Concat(archive.Strings.Keys))})");
        }
        int[] dims = Ints(shapeBuffer, "shape");
        var shape = new Shape(dims);
        Array values = Values(data);
        string? format = archive.SparseFormat;
        if (format is null && archive.Arrays.TryGetValue("coords", out HostBuffer? coords))
        {
            CheckFillValue(archive, path);
            if (coords.Shape.Rank != 2 || coords.Shape.Dims[0] != shape.Rank)
            {
                throw new InvalidDataException($"'{path}': 'coords' has shape {coords.Shape}, expected ({shape.Rank}, nnz) for shape {shape}");
            }
            int[] flat = Ints(coords, "coords");
            int nnz = coords.Shape.Dims[1];
            var perAxis = new int[shape.Rank][];
            for (int a = 0; a < perAxis.Length; a++) perAxis[a] = flat.AsSpan(a * nnz, nnz).ToArray();
            return CooArray.FromCoordinates(values, perAxis, shape);
        }
        return format switch
        {
            "csr" => CsrArray.FromCompressed(values, Ints(Entry(archive, "indices", path), "indices"), Ints(Entry(archive, "indptr", path), "indptr"), shape),
            "csc" => CscArray.FromCompressed(values, Ints(Entry(archive, "indices", path), "indices"), Ints(Entry(archive, "indptr", path), "indptr"), shape),
            "coo" => CooArray.FromTriplets(values, Ints(Entry(archive, "row", path), "row"), Ints(Entry(archive, "col", path), "col"), shape),
            null => throw new InvalidDataException($"'{path}' has no 'format' entry; it is not a SciPy save_npz file"),
            _ => throw new InvalidDataException($"'{path}' holds a '{format}' matrix; supported formats are csr, csc and coo (convert with .tocsr() before save_npz)"),
        };
    }

    /// <summary>Writes <paramref name="matrix"/> as SciPy's <c>save_npz</c> does (uncompressed; int32 indices; 2-d only).</summary>
    /// <exception cref="ShapeMismatchException">The array is not 2-d (SciPy's sparse matrices are).</exception>
    public static void Save(string path, SparseArray matrix)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rank != 2) throw new ShapeMismatchException($"save_npz writes 2-d matrices, not shape {matrix.Shape}", nameof(matrix), matrix.Shape);
        var entries = new Dictionary<string, HostBuffer>(StringComparer.Ordinal);
        switch (matrix)
        {
            case CompressedArray c:
                // The storage written in place (host buffers over the array's own buffers, native ones included).
                entries["indices"] = c.IndicesBuffer.ToHostBuffer(DType.Int32);
                entries["indptr"] = c.IndptrBuffer.ToHostBuffer(DType.Int32);
                break;
            case CooArray coo:
                entries["row"] = coo.CoordBuffers[0].ToHostBuffer(DType.Int32);
                entries["col"] = coo.CoordBuffers[1].ToHostBuffer(DType.Int32);
                break;
        }
        entries["shape"] = Buffer(new long[] { matrix.Shape.Dims[0], matrix.Shape.Dims[1] });
        entries["data"] = matrix.ValueBuffer.ToHostBuffer(matrix.DType);
        using FileStream stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach ((string name, HostBuffer buffer) in entries)
        {
            using Stream s = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
            NpyFormat.Write(s, buffer);
        }
        using (Stream s = zip.CreateEntry("format.npy", CompressionLevel.NoCompression).Open())
        {
            WriteAsciiScalar(s, matrix.Format.Name());
        }
    }

    /// <summary>A 0-d <c>|S</c> array, as NumPy saves <c>b"csr"</c>.</summary>
    private static void WriteAsciiScalar(Stream stream, string text)
    {
        string dict = $"{{'descr': '|S{text.Length}', 'fortran_order': False, 'shape': (), }}";
        int pad = (64 - (10 + dict.Length + 1) % 64) % 64;
        string header = dict + new string(' ', pad) + "\n";
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)(header.Length & 0xFF), (byte)(header.Length >> 8)]);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(Encoding.ASCII.GetBytes(text));
    }

    private static HostBuffer Buffer<T>(T[] data) where T : unmanaged => HostBuffer.FromContiguous(data, new Shape(data.Length));

    private static HostBuffer Entry(NpyArchive archive, string name, string path) =>
        archive.Arrays.TryGetValue(name, out HostBuffer? b) ? b : throw new InvalidDataException($"'{path}' has no '{name}' entry");

    private static void CheckFillValue(NpyArchive archive, string path)
    {
        if (!archive.Arrays.TryGetValue("fill_value", out HostBuffer? fill)) return;
        // Any dtype's zero is its default value (false, 0, 0.0, 0j).
        object v = fill.ToContiguousArray().GetValue(0)!;
        if (!v.Equals(Activator.CreateInstance(v.GetType()))) throw new InvalidDataException($"'{path}' has fill value {v}; Sparse arrays have fill value 0");
    }

    private static Array Values(HostBuffer data)
    {
        SparseDTypes.Require(data.DType, "sparse.load_npz");
        return (Array)HostInterop.ReadUntyped(data).Clone();
    }

    private static int[] Ints(HostBuffer b, string name)
    {
        if (b.DType == DType.Int32) return b.ToContiguous<int>();
        if (b.DType != DType.Int64) throw new InvalidDataException($"entry '{name}' has dtype {b.DType.Name()}; indices must be int32 or int64");
        long[] wide = b.ToContiguous<long>();
        var narrow = new int[wide.Length];
        for (int i = 0; i < wide.Length; i++)
        {
            long v = wide[i];
            if (v is < int.MinValue or > int.MaxValue) throw new SparseIndexException(name, i, v, $"index {v} at position {i} of '{name}' does not fit a 32-bit index");
            narrow[i] = (int)v;
        }
        return narrow;
    }
}
