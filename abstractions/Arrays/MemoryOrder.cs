namespace ArrayDispatch;

/// <summary>
/// NumPy's <c>order=</c> letters: the index order in which <see cref="Np.Reshape(NDArray, int[], MemoryOrder)"/> and
/// <see cref="Np.Ravel(NDArray, MemoryOrder)"/> read and place elements, and the memory layout a copy gets
/// (<see cref="Np.Copy(NDArray, MemoryOrder)"/>).
/// </summary>
public enum MemoryOrder
{
    /// <summary><c>'C'</c>: row-major, the last index changing fastest.</summary>
    C,

    /// <summary><c>'F'</c>: column-major (Fortran), the first index changing fastest.</summary>
    F,

    /// <summary><c>'A'</c>: <see cref="F"/> when the array is Fortran-contiguous and not C-contiguous (<see cref="Np.IsFortran"/>), otherwise <see cref="C"/>.</summary>
    A,

    /// <summary><c>'K'</c>: the order the elements lie in memory (axes by decreasing stride; a reversed axis is still read forwards).</summary>
    K,
}
