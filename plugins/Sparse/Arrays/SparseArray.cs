using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse;

/// <summary>
/// The base of the Sparse backend's arrays: the stored entries of an array whose other elements are the fill value 0.
/// </summary>
/// <remarks>
/// <see cref="NDArray.IsHostResident"/> is <see langword="false"/>: <see cref="ToHost"/> materialises every zero, so host
/// backends such as Dense must not take a sparse array implicitly; they decline it and the call reaches Sparse.
/// </remarks>
public abstract class SparseArray : NDArray
{
    private protected SparseArray(Shape shape, DType dtype)
    {
        Shape = shape;
        DType = SparseDTypes.Require(dtype);
    }

    /// <inheritdoc/>
    public override Shape Shape { get; }

    /// <inheritdoc/>
    public override DType DType { get; }

    /// <summary>The storage format.</summary>
    public abstract SparseFormat Format { get; }

    /// <summary>The number of stored entries (explicit zeros included, as in SciPy).</summary>
    public abstract int Nnz { get; }

    /// <summary>The fraction of elements that are stored: <c>Nnz / Size</c>.</summary>
    public double Density => Size == 0 ? 0 : (double)Nnz / Size;

    /// <summary>The value of every element that is not stored: always 0.</summary>
    public Scalar FillValue => DType.IsComplex() ? Scalar.Complex(0, 0) : DType.IsFloat() ? Scalar.Float(0) : DType == DType.Bool ? Scalar.Bool(false) : Scalar.Integer(0);

    /// <summary>
    /// The stored values, in storage order (entry <c>k</c> of the indices or coordinates): a view of the array's storage,
    /// not a copy. <typeparamref name="T"/> is the dtype's .NET type (<c>double</c> for float64, <c>bool</c>,
    /// <c>System.Half</c>, <c>Complex64</c>, <c>System.Numerics.Complex</c>, …).
    /// </summary>
    /// <exception cref="DTypeMismatchException"><typeparamref name="T"/> is not the dtype's .NET type (the message names both).</exception>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public ReadOnlySpan<T> Values<T>() where T : unmanaged
    {
        if (ValueBuffer is SparseBuffer<T> values && typeof(T) == DType.ClrType()) return values.Span;
        throw new DTypeMismatchException($"the values of a {DType.Name()} sparse array are {DType.ClrType().Name}, not {typeof(T).Name}", "T");
    }

    /// <summary>The storage behind <see cref="Values{T}"/>, a buffer of the dtype's CLR type (for the plugin's kernels; never handed out).</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    internal abstract SparseBuffer ValueBuffer { get; }

    /// <summary>Whether the values live in native memory (results of at least <see cref="SparseBuffers.NativeThresholdBytes"/> per buffer).</summary>
    public bool IsNative => ValueBuffer.IsNative;

    private int _disposed;

    /// <summary>Whether <see cref="Dispose"/> was called on this array (arrays sharing its buffers are unaffected).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Gives this array's references to its buffers back: a native buffer returns to the process's pool (warm for the
    /// next result) when the last array holding it (this one, its transpose view, its COO form) is disposed, else when
    /// the GC finalizes it. Using a disposed array throws <see cref="ObjectDisposedException"/>; calling it twice does
    /// nothing more.
    /// </summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        ReleaseStorage();
    }

    /// <summary>Disposes this array when it is a temporary a kernel made (a format conversion), not <paramref name="original"/> itself.</summary>
    internal void DisposeIfTemporary(SparseArray original)
    {
        if (!ReferenceEquals(this, original)) Dispose();
    }

    /// <summary>Releases the array's reference to each of its buffers (once, from <see cref="Dispose"/>).</summary>
    private protected abstract void ReleaseStorage();

    private protected void ThrowIfDisposed()
    {
        if (IsDisposed) throw new ObjectDisposedException(GetType().Name, $"this {Format.ToString().ToUpperInvariant()} array of shape {Shape} was disposed");
    }

    /// <summary>Whether the entries are sorted (row-major) and free of duplicates (SciPy's <c>has_canonical_format</c>).</summary>
    public abstract bool IsCanonical { get; }

    /// <summary>The array in coordinate format (this array when it already is).</summary>
    public abstract CooArray ToCoo();

    /// <summary>The array in compressed sparse row format (2-d only).</summary>
    public abstract CsrArray ToCsr();

    /// <summary>The array in compressed sparse column format (2-d only).</summary>
    public abstract CscArray ToCsc();

    /// <summary>The array in <paramref name="format"/>.</summary>
    public SparseArray ToFormat(SparseFormat format) => format switch
    {
        SparseFormat.Coo => ToCoo(),
        SparseFormat.Csr => ToCsr(),
        _ => ToCsc(),
    };

    /// <summary>
    /// Densifies: every element, zeros included, in a new C-contiguous buffer. This is the explicit way out of sparse
    /// storage; the result is as large as <see cref="NDArray.Size"/>.
    /// </summary>
    /// <remarks>
    /// A result of 1 MB or more is a native buffer from the protocol's pool (<see cref="HostBuffer.IsNative"/>, which may
    /// exceed 2^31 elements): dispose it (<c>using</c>) to give the memory back at once; undisposed, it goes back when
    /// collected. Smaller ones are .NET arrays (<see cref="HostBuffer.Data"/>).
    /// </remarks>
    public override HostBuffer ToHost() => Densify(native: true);

    /// <summary>Every element in a .NET array, for the plugin's own kernels (which read arrays).</summary>
    /// <exception cref="InvalidOperationException">The dense array would not fit in one .NET array.</exception>
    internal HostBuffer ToHostManaged() => Densify(native: false);

    /// <summary>Densifies through the COO form, which is disposed at once when it is a temporary (its row buffer is new).</summary>
    private HostBuffer Densify(bool native)
    {
        CooArray coo = ToCoo();
        try
        {
            return coo.Densify(native);
        }
        finally
        {
            coo.DisposeIfTemporary(this);
        }
    }

    /// <summary>
    /// What its Python users see, never densified values: COO prints pydata/sparse's
    /// <c>&lt;COO: shape=(3, 4), dtype=float64, nnz=5, fill_value=0.0&gt;</c> for every format string (pydata's str and
    /// repr are that summary). CSR and CSC print SciPy's: <c>R</c> (repr) the summary
    /// <c>&lt;3x4 sparse array of type '&lt;class 'numpy.float64'&gt;'</c> / <c>with 5 stored elements in Compressed Sparse Row format&gt;</c>,
    /// and str (no format, <c>G</c>, <c>F</c>n, …) SciPy's list of the stored entries in storage order, one
    /// <c>  (row, col)\tvalue</c> line each with the value as NumPy's str of the scalar (the format's precision applies),
    /// the first 25 and last 25 around a <c>  :\t:</c> line past SciPy's <c>maxprint</c> of 50, empty without entries.
    /// <c>Np.AsArray(x, backend: "Dense")</c> prints the values.
    /// </summary>
    public override string ToString(string? format, IFormatProvider? formatProvider) => Format switch
    {
        SparseFormat.Coo => $"<COO: shape={Shape}, dtype={DType.Name()}, nnz={Nnz}, fill_value={FillValueText}>",
        _ when format is "R" or "r" => $"<{string.Join('x', Shape.Dims.ToArray())} sparse array of type '<class 'numpy.{(DType == DType.Bool ? "bool_" : DType.Name())}'>'\n"
            + $"\twith {Nnz} stored elements in Compressed Sparse {(Format == SparseFormat.Csr ? "Row" : "Column")} format>",
        _ => ((CompressedArray)this).StoredEntriesText(format),
    };

    /// <summary>Python's repr of the fill value in this dtype: <c>0j</c>, <c>0.0</c>, <c>0</c> or <c>False</c>.</summary>
    private string FillValueText => DType.IsComplex() ? "0j" : DType.IsFloat() ? "0.0" : DType == DType.Bool ? "False" : "0";

    private protected static void Require2D(Shape shape, string format)
    {
        if (shape.Rank != 2)
        {
            throw new ShapeMismatchException($"{format} arrays are 2-d, but shape {shape} has {shape.Rank} dimensions; use format 'coo' for n-d arrays", shape);
        }
    }
}
