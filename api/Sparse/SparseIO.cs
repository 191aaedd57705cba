using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>SciPy's sparse file formats, typed: <c>save_npz</c>/<c>load_npz</c> and Matrix Market.</summary>
public static class SparseIO
{
    /// <summary><c>sparse.load_npz</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> LoadNpzFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.load_npz", FunctionKind.Creation);

    /// <summary><c>sparse.save_npz</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SaveNpzFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.save_npz");

    /// <summary><c>sparse.mmread</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> MmReadFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.mmread", FunctionKind.Creation);

    /// <summary><c>sparse.mmwrite</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> MmWriteFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.mmwrite");

    /// <summary>Reads SciPy's <c>save_npz</c> file (csr, csc, coo) or pydata's COO file, in the stored format unless <paramref name="format"/> says otherwise.</summary>
    public static NDArray LoadNpz(string path, string? format = null) => SparseCall.Create(LoadNpzFunction, "Sparse", ("path", path), ("format", format))[0];

    /// <summary>Writes SciPy's <c>save_npz</c> format.</summary>
    public static void SaveNpz(string path, NDArray a) => SparseCall.Invoke(SaveNpzFunction, [a], ("path", path));

    /// <summary>Reads a Matrix Market coordinate file (COO unless <paramref name="format"/> says otherwise), as SciPy's <c>mmread</c>.</summary>
    public static NDArray MmRead(string path, string? format = null) => SparseCall.Create(MmReadFunction, "Sparse", ("path", path), ("format", format))[0];

    /// <summary>Writes a Matrix Market coordinate file, as SciPy's <c>mmwrite</c>.</summary>
    public static void MmWrite(string path, NDArray a, bool symmetric = false) => SparseCall.Invoke(MmWriteFunction, [a], ("path", path), ("symmetric", symmetric));
}
