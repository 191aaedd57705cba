using ArrayDispatch.Interchange;

namespace ArrayDispatch;

// NumPy's file formats: .npy and .npz (and SciPy's sparse .npz, read as a dense array).
public static partial class Np
{
    /// <summary>
    /// Loads a <c>.npy</c> file (NumPy's <c>load</c>) onto <paramref name="backend"/> (the default backend when null).
    /// A SciPy sparse <c>.npz</c> loads as its dense matrix, or as the sparse backend's array with <paramref name="format"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="backend">The backend to create the array on.</param>
    /// <param name="format">A storage format for backends with several (<c>"csr"</c>, ...).</param>
    public static NDArray Load(string path, string? backend = null, string? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase)) return AsArray(NpyArchive.Read(path).ToDense(), backend, format: format);
        using FileStream stream = File.OpenRead(path);
        if (format is null && LoadStreaming(stream, backend) is { } streamed) return streamed;
        stream.Position = 0;
        return AsArray(NpyFormat.Read(stream), backend, format: format);
    }

    /// <summary>
    /// Reads a numeric <c>.npy</c> array of more than <see cref="NpyFormat.ChunkBytes"/> straight into a new array of the
    /// backend a chunk at a time, when the backend's array is host memory it exposes (<see cref="IHostContiguousBytes"/>):
    /// no whole-array copy, and no 2^31-element limit of a <see cref="HostBuffer"/>. Null when the file or the backend
    /// does not qualify (the caller reads the file the ordinary way).
    /// </summary>
    private static NDArray? LoadStreaming(FileStream stream, string? backend)
    {
        NpyFormat.Header header = NpyFormat.ReadHeader(stream);
        if (!NpyFormat.TryNumericDType(header, out DType dtype)) return null;
        long bytes = header.Shape.Size * dtype.ItemSize();
        if (bytes <= NpyFormat.ChunkBytes) return null;
        // A Fortran-ordered file holds the C order of the array with its axes reversed: read that, then transpose (a view).
        Shape fileShape = header.FortranOrder ? new Shape(header.Shape.Dims.ToArray().Reverse().ToArray()) : header.Shape;
        NDArray target = Empty(fileShape, dtype, backend);
        if (target is not IHostContiguousBytes { IsHostCContiguous: true } host)
        {
            target.Dispose();
            return null;
        }
        try
        {
            NpyFormat.ReadData(stream, host, bytes, header, dtype);
            if (!header.FortranOrder || fileShape.Rank < 2) return target;
            NDArray transposed = Transpose(target);
            target.Dispose();
            return transposed;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Saves <paramref name="array"/> to a <c>.npy</c> file (NumPy's <c>save</c>), byte-identical to NumPy's.</summary>
    public static void Save(string path, NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        long bytes = array.Shape.Size * array.DType.ItemSize();
        if (bytes > NpyFormat.ChunkBytes && array is IHostContiguousBytes host)
        {
            if (host.IsHostCContiguous)
            {
                SaveStreaming(path, array, host, bytes);
                return;
            }
            // A strided view (a transpose, a slice) of host memory: its C-ordered copy streams (a copy of the backend's kind,
            // which may be native memory beyond 2^31 elements, where ToHost's HostBuffer would need a .NET array).
            using NDArray copy = Copy(array);
            if (copy is IHostContiguousBytes { IsHostCContiguous: true } contiguous)
            {
                SaveStreaming(path, copy, contiguous, bytes);
                return;
            }
        }
        using HostBuffer exported = array.ToHost();
        NpyFormat.Write(path, exported);
    }

    /// <summary>Writes a C-contiguous host array to a <c>.npy</c> file a chunk at a time from its memory: no whole-array copy, no 2^31-element limit.</summary>
    private static void SaveStreaming(string path, NDArray array, IHostContiguousBytes host, long bytes)
    {
        using FileStream stream = File.Create(path);
        NpyFormat.WriteHeader(stream, array.DType, array.Shape, bigEndian: false, fortranOrder: false);
        NpyFormat.WriteData(stream, host, bytes, array.DType, bigEndian: false);
    }

    /// <summary>Loads every numeric array of a <c>.npz</c> file (NumPy's <c>load</c> of an archive) onto <paramref name="backend"/>.</summary>
    public static IReadOnlyDictionary<string, NDArray> LoadNpz(string path, string? backend = null)
    {
        NpyArchive archive = NpyArchive.Read(path);
        return archive.Arrays.ToDictionary(p => p.Key, p => AsArray(p.Value, backend), StringComparer.Ordinal);
    }

    /// <summary>Saves arrays to a <c>.npz</c> file (NumPy's <c>savez</c>).</summary>
    public static void SaveNpz(string path, IReadOnlyDictionary<string, NDArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        Dictionary<string, HostBuffer> buffers = arrays.ToDictionary(p => p.Key, p => p.Value.ToHost(), StringComparer.Ordinal);
        try
        {
            NpyArchive.Write(path, buffers);
        }
        finally
        {
            foreach (HostBuffer b in buffers.Values) b.Dispose();
        }
    }
}
