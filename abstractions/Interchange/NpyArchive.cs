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
        using FileStream stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a <c>.npz</c> archive from <paramref name="stream"/>.</summary>
    public static NpyArchive Read(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var arrays = new Dictionary<string, HostBuffer>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            string name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
            var memory = new MemoryStream();
            using (Stream s = entry.Open()) s.CopyTo(memory);
            memory.Position = 0;
            if (NpyFormat.TryReadString(memory, out string text))
            {
                strings[name] = text;
                continue;
            }
            memory.Position = 0;
            arrays[name] = NpyFormat.Read(memory);
        }
        return new NpyArchive(arrays, strings);
    }

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
        long[] shape = Arrays["shape"].ToContiguous<long>();
        int rows = (int)shape[0], cols = (int)shape[1];
        HostBuffer data = Arrays["data"];
        double[] values = data.DType switch
        {
            DType.Float64 => data.ToContiguous<double>(),
            DType.Float32 => Array.ConvertAll(data.ToContiguous<float>(), v => (double)v),
            DType.Int64 => Array.ConvertAll(data.ToContiguous<long>(), v => (double)v),
            DType.Int32 => Array.ConvertAll(data.ToContiguous<int>(), v => (double)v),
            _ => Array.ConvertAll(data.ToContiguous<bool>(), v => v ? 1.0 : 0.0),
        };
        var dense = new double[(long)rows * cols];
        switch (format)
        {
            case "csr" or "csc":
            {
                long[] indices = Ints("indices"), indptr = Ints("indptr");
                bool csr = format == "csr";
                int outer = csr ? rows : cols;
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
            case "coo":
            {
                long[] row = Ints("row"), col = Ints("col");
                for (int p = 0; p < values.Length; p++) dense[row[p] * cols + col[p]] += values[p];
                break;
            }
            default:
                throw new InvalidDataException($"sparse format '{format}' is not supported; supported: csr, csc, coo");
        }
        HostBuffer result = HostBuffer.FromContiguous(dense, new Shape(rows, cols));
        return data.DType == DType.Float64 ? result : Convert(dense, data.DType, new Shape(rows, cols));
    }

    private long[] Ints(string name)
    {
        HostBuffer b = Arrays[name];
        return b.DType == DType.Int64 ? b.ToContiguous<long>() : Array.ConvertAll(b.ToContiguous<int>(), v => (long)v);
    }

    private static HostBuffer Convert(double[] dense, DType dtype, Shape shape) => dtype switch
    {
        DType.Float32 => HostBuffer.FromContiguous(Array.ConvertAll(dense, v => (float)v), shape),
        DType.Int64 => HostBuffer.FromContiguous(Array.ConvertAll(dense, v => (long)v), shape),
        DType.Int32 => HostBuffer.FromContiguous(Array.ConvertAll(dense, v => (int)v), shape),
        _ => HostBuffer.FromContiguous(Array.ConvertAll(dense, v => v != 0), shape),
    };
}
