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
        HostBuffer buffer = path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase) ? NpyArchive.Read(path).ToDense() : NpyFormat.Read(path);
        return AsArray(buffer, backend, format: format);
    }

    /// <summary>Saves <paramref name="array"/> to a <c>.npy</c> file (NumPy's <c>save</c>), byte-identical to NumPy's.</summary>
    public static void Save(string path, NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        NpyFormat.Write(path, array.ToHost());
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
        NpyArchive.Write(path, arrays.ToDictionary(p => p.Key, p => p.Value.ToHost(), StringComparer.Ordinal));
    }
}
