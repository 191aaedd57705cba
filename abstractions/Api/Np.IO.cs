using System.IO.Compression;
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
        using FileStream stream = NpyFormat.OpenRead(path);
        return ReadNpyBody(stream, NpyFormat.ReadHeader(stream), backend, format);
    }

    /// <summary>The array of a <c>.npy</c> stream whose header was just read: a file, or an entry of an archive (read in order, never sought).</summary>
    private static NDArray ReadNpyBody(Stream stream, NpyFormat.Header header, string? backend, string? format)
    {
        if (format is null && LoadStreaming(stream, header, backend) is { } streamed) return streamed;
        if (format is null && header.FortranOrder && header.Shape.Rank >= 2 && NpyFormat.TryNumericDType(header, out _))
        {
            // As NumPy's load and the streaming path above: a Fortran-ordered file gives a Fortran-ordered array (the C
            // order of the reversed axes, transposed: a view), not a C-ordered copy of it.
            int[] reversed = header.Shape.ToArray();
            System.Array.Reverse(reversed);
            NDArray fileOrder = AsArray(NpyFormat.ReadBody(stream, header with { FortranOrder = false, Shape = new Shape(reversed) }), backend);
            return Transpose(fileOrder);   // not disposed: the view reads its memory (backends without shared storage would free it)
        }
        return AsArray(NpyFormat.ReadBody(stream, header), backend, format: format);
    }

    /// <summary>
    /// Reads a numeric <c>.npy</c> array of more than <see cref="NpyFormat.ChunkBytes"/> straight into a new array of the
    /// backend a chunk at a time, when the backend's array is host memory it exposes (<see cref="IHostContiguousBytes"/>):
    /// no whole-array copy, and no 2^31-element limit of a <see cref="HostBuffer"/>. Null, with nothing past the header
    /// read, when the file or the backend does not qualify (the caller reads the data the ordinary way).
    /// </summary>
    private static NDArray? LoadStreaming(Stream stream, NpyFormat.Header header, string? backend)
    {
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
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(array);
        WriteNpy(array, () => File.Create(path));
    }

    /// <summary>
    /// Writes <paramref name="array"/> as <c>.npy</c> to the stream <paramref name="open"/> gives, which is opened only once
    /// the array's bytes are in hand (an export that fails leaves an existing file alone). Host memory above
    /// <see cref="NpyFormat.ChunkBytes"/> is written a chunk at a time from the array's own storage: no whole-array copy,
    /// no 2^31-element limit.
    /// </summary>
    private static void WriteNpy(NDArray array, Func<Stream> open)
    {
        long bytes = array.Shape.Size * array.DType.ItemSize();
        // NumPy's save writes a Fortran-contiguous (and not C-contiguous) array as it lies, 'fortran_order': True, so
        // np.load gives it back Fortran-ordered (as Np.Load does); a C-ordered header lost the layout on every round trip.
        bool fortran = IsFortran(array);
        if (bytes > NpyFormat.ChunkBytes && fortran && Transpose(array) is IHostContiguousBytes { IsHostCContiguous: true } reversed)
        {
            WriteStreaming(open, array.Shape, reversed, bytes, array.DType, fortranOrder: true);
            return;
        }
        if (bytes > NpyFormat.ChunkBytes && !fortran && array is IHostContiguousBytes host)
        {
            if (host.IsHostCContiguous)
            {
                WriteStreaming(open, array, host, bytes);
                return;
            }
            // A strided view (a transpose, a slice) of host memory: its C-ordered copy streams (a copy of the backend's kind,
            // which may be native memory beyond 2^31 elements, where ToHost's HostBuffer would need a .NET array).
            using NDArray copy = CopyInCOrder(array);
            if (copy is IHostContiguousBytes { IsHostCContiguous: true } contiguous)
            {
                WriteStreaming(open, copy, contiguous, bytes);
                return;
            }
        }
        using HostBuffer exported = array.ToHostForReading();
        using Stream stream = open();
        NpyFormat.Write(stream, exported, bigEndian: false, fortranOrder: fortran);
    }

    private static void WriteStreaming(Func<Stream> open, NDArray array, IHostContiguousBytes host, long bytes) =>
        WriteStreaming(open, array.Shape, host, bytes, array.DType, fortranOrder: false);

    // host holds the data in file order: C order of shape, or for fortranOrder the C order of shape's axes reversed.
    private static void WriteStreaming(Func<Stream> open, Shape shape, IHostContiguousBytes host, long bytes, DType dtype, bool fortranOrder)
    {
        using Stream stream = open();
        NpyFormat.WriteHeader(stream, dtype, shape, bigEndian: false, fortranOrder: fortranOrder);
        NpyFormat.WriteData(stream, host, bytes, dtype, bigEndian: false);
    }

    /// <summary>
    /// Loads every array of a <c>.npz</c> file (NumPy's <c>load</c> of an archive) onto <paramref name="backend"/>. An entry
    /// of strings or objects is refused naming the entry, as <see cref="Load"/> refuses such a file (there is no string
    /// dtype): <see cref="NpyArchive.Read(string)"/> gives an archive's short strings, SparseIO.LoadNpz a SciPy sparse matrix.
    /// Each entry is read in order from the archive, large ones straight into the new array's storage as <see cref="Load"/>
    /// does (no copy of an entry in memory, no 2^31-element limit).
    /// </summary>
    public static IReadOnlyDictionary<string, NDArray> LoadNpz(string path, string? backend = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = NpyFormat.OpenRead(path);
        using ZipArchive zip = NpyArchive.OpenZip(file, leaveOpen: false);
        var arrays = new Dictionary<string, NDArray>(StringComparer.Ordinal);
        ZipArchiveEntry? current = null;
        try
        {
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                current = entry;
                using Stream s = entry.Open();
                NpyFormat.Header header = NpyFormat.ReadHeader(s);
                NpyFormat.CheckDataLength(header, entry.Length - header.HeaderBytes);
                arrays[NpyArchive.EntryName(entry)] = ReadNpyBody(s, header, backend, null);
            }
            return arrays;
        }
        catch (Exception e) when (current is not null && e is InvalidDataException or EndOfStreamException)
        {
            foreach (NDArray a in arrays.Values) a.Dispose();
            throw NpyArchive.EntryFailed(current, e);
        }
        catch
        {
            foreach (NDArray a in arrays.Values) a.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Saves arrays to a <c>.npz</c> file (NumPy's <c>savez</c>: stored entries named <c>name.npy</c>). Large host arrays
    /// are written from their own storage a chunk at a time (no copy, no 2^31-element limit); a file left half-written by
    /// a failing array is deleted.
    /// </summary>
    public static void SaveNpz(string path, IReadOnlyDictionary<string, NDArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(arrays);
        foreach ((string name, NDArray array) in arrays)
        {
            if (array is null) throw new ArgumentNullException(nameof(arrays), $"the array named '{name}' is null");
        }
        try
        {
            using FileStream stream = File.Create(path);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach ((string name, NDArray array) in arrays)
            {
                WriteNpy(array, () => zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open());
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
