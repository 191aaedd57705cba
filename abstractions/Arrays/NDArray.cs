using System.Diagnostics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;

namespace ArrayDispatch;

/// <summary>
/// The base of every backend's array type. Functions and operators on it go through the dispatcher to the backend that
/// owns the arrays involved, so <c>a + b</c> obeys the same rules as <c>Np.Add(a, b)</c>.
/// </summary>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
[DebuggerTypeProxy(typeof(NDArrayDebugView))]
public abstract partial class NDArray : IFormattable, IDisposable
{
    /// <summary>
    /// Releases memory the array holds outside the GC at once (Dense's native buffers go back to a pool, Gpu's device
    /// memory is freed) instead of when the GC finalizes it; views of the array stay valid. A no-op for backends that
    /// hold nothing of the kind (the default). Using a disposed array throws <see cref="ObjectDisposedException"/>
    /// where the backend releases something; calling it twice is harmless.
    /// </summary>
    public virtual void Dispose()
    {
    }

    /// <summary>
    /// An object that is the same for arrays whose elements live in the same memory (an array and its views) and differs
    /// otherwise, for aliasing checks without exporting; <see langword="null"/> (the default) when the backend does not
    /// say, and then callers compare <see cref="ToHost"/> exports.
    /// </summary>
    public virtual object? StorageIdentity => null;

    /// <summary>The dimensions.</summary>
    public abstract Shape Shape { get; }

    /// <summary>The element type.</summary>
    public abstract DType DType { get; }

    /// <summary>The number of dimensions.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The number of elements.</summary>
    public long Size => Shape.Size;

    /// <summary>
    /// Whether the elements are already computed in host memory, so <see cref="ToHost"/> is cheap. Host backends
    /// (Dense, Sparse) may accept such foreign arrays by exporting them; device and lazy arrays return
    /// <see langword="false"/> so that no backend moves them implicitly.
    /// </summary>
    public virtual bool IsHostResident => false;

    /// <summary>
    /// The strides and offset of an array that is a strided view over one buffer (Dense's, Gpu's): what NumPy's
    /// <c>x.strides</c> and <c>x.flags</c> tell (<see cref="StridedLayout.IsCContiguous"/>, <see cref="StridedLayout.IsFContiguous"/>),
    /// read by the <c>order=</c> functions ('A' and 'K'). <see langword="null"/> (the default) for arrays with no single
    /// strided buffer (chunked, sparse), which those functions read in C order.
    /// </summary>
    public virtual StridedLayout? MemoryLayout => null;

    /// <summary>
    /// Dask's <c>x.chunks</c>: the block sizes along each axis of an array stored in blocks (Chunked's), e.g.
    /// <c>[[1000, 1000, 500], [300]]</c> for a 2500×300 array in 1000×300 chunks; <see langword="null"/> for an array
    /// held whole (NumPy's, Dense's, Sparse's, Gpu's). App code reads it without referencing the backend's assembly.
    /// </summary>
    public virtual IReadOnlyList<IReadOnlyList<int>>? Chunks => null;

    /// <summary>Dask's <c>x.numblocks</c>: the number of blocks along each axis, or <see langword="null"/> when <see cref="Chunks"/> is.</summary>
    public int[]? NumBlocks => Chunks is { } chunks ? chunks.Select(axis => axis.Count).ToArray() : null;

    /// <summary>The name of the backend that owns this array's type in the current dispatcher, or the type's name when none does.</summary>
    public virtual string Backend => Np.Dispatcher.OwnerOf(GetType()) ?? GetType().Name;

    /// <summary>
    /// Exports the elements to host memory, the protocol's interchange format. Eager host backends may return a view of
    /// their storage; device and lazy backends copy (a lazy array computes first).
    /// </summary>
    public abstract HostBuffer ToHost();

    /// <summary>
    /// <see cref="ToHost"/> for a caller that only reads the buffer and disposes it before the array is used again
    /// (printing, <see cref="ToArray{T}"/>, saving): a backend that tracks writes to its storage (Dense's deferred
    /// results) need not treat the memory as handed out. The same as <see cref="ToHost"/> unless a backend overrides it.
    /// </summary>
    public virtual HostBuffer ToHostForReading() => ToHost();

    /// <summary>The transpose (<c>a.T</c>).</summary>
    public NDArray T => Np.Transpose(this);

    /// <summary>The matrix product with <paramref name="other"/> (Python's <c>a @ b</c>).</summary>
    public NDArray MatMul(NDArray other) => Np.MatMul(this, other);

    /// <summary>Evaluates a lazy array (Dask's <c>compute()</c>); an eager array returns itself.</summary>
    public NDArray Compute() => Np.Compute(this)[0];

    /// <summary>Evaluates a lazy array, stopping with an <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NDArray Compute(CancellationToken cancellationToken) => Np.Compute([this], cancellationToken)[0];

    /// <summary>Writes the task graph behind this array to <paramref name="path"/> (Dask's <c>visualize()</c>).</summary>
    /// <returns>The path written; with no Graphviz <c>dot</c> on the PATH, an SVG/PNG request writes a <c>.dot</c> file and says so.</returns>
    public string Visualize(string path) => Np.Visualize(path, this);

    /// <summary>Converts the elements to <paramref name="dtype"/>.</summary>
    public NDArray AsType(DType dtype, Casting casting = Casting.Unsafe) => Np.AsType(this, dtype, casting);

    /// <summary>Reshapes the array; one dimension may be -1.</summary>
    public NDArray Reshape(params int[] shape) => Np.Reshape(this, shape);

    /// <summary>Reshapes the array reading and placing elements in <paramref name="order"/> (NumPy's <c>a.reshape(shape, order=)</c>).</summary>
    public NDArray Reshape(int[] shape, MemoryOrder order) => Np.Reshape(this, shape, order);

    /// <summary>The elements as a 1-d array in <paramref name="order"/>, a view when possible (NumPy's <c>a.ravel(order)</c>).</summary>
    public NDArray Ravel(MemoryOrder order = MemoryOrder.C) => Np.Ravel(this, order);

    /// <summary>A 1-d copy of the elements in <paramref name="order"/> (NumPy's <c>a.flatten(order)</c>).</summary>
    public NDArray Flatten(MemoryOrder order = MemoryOrder.C) => Np.Flatten(this, order);

    /// <summary>Indexing as NumPy does it: integers, slices (<c>1..^1</c>, <see cref="Slice"/>), <see cref="ArrayIndex.NewAxis"/>, <see cref="ArrayIndex.Ellipsis"/>, index arrays and masks.</summary>
    [System.Runtime.CompilerServices.IndexerName("Elements")]
    public NDArray this[params ArrayIndex[] index]
    {
        get => Np.GetItem(this, index);
        set => Np.SetItem(this, index, value);
    }

    /// <summary>The elements as a C-ordered .NET array of <typeparamref name="T"/>, converting the dtype when it differs.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        NDArray source = DType == DTypes.Of<T>() ? this : AsType(DTypes.Of<T>());
        using HostBuffer host = source.ToHostForReading();
        return host.ToContiguous<T>();
    }

    /// <summary>The single element of a size-1 array.</summary>
    /// <exception cref="ShapeMismatchException">The array has more than one element.</exception>
    public T Item<T>() where T : unmanaged
    {
        if (Size != 1) throw new ShapeMismatchException($"can only convert an array of size 1 to a scalar, not shape {Shape}", Shape);
        return ToArray<T>()[0];
    }

    /// <summary>NumPy's <c>str</c> of the array (<c>[0. 1. 2.]</c>) under the current <see cref="PrintOptions"/>.</summary>
    /// <remarks>
    /// Host-resident arrays print their values. Other arrays print what their backend's users expect without moving data
    /// unasked: this base prints <c>TypeName(shape=…, dtype=…)</c>, and backends override
    /// <see cref="ToString(string?, IFormatProvider?)"/> (Chunked prints Dask's summary, Gpu downloads as CuPy does).
    /// </remarks>
    public override string ToString() => ToString(null, null);

    /// <summary>The array as text: <c>G</c> (or none) NumPy's <c>str</c>; <c>G</c>n the same with precision n; <c>F</c>n n fixed decimals, never scientific; <c>R</c> NumPy's <c>repr</c>.</summary>
    /// <param name="format">The format; <c>$"{x:F3}"</c> passes <c>F3</c>.</param>
    /// <param name="formatProvider">Ignored: NumPy's text is culture-invariant.</param>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of those.</exception>
    public virtual string ToString(string? format, IFormatProvider? formatProvider)
    {
        // Console.WriteLine and string interpolation call this overload on an IFormattable: an array type that overrides
        // only ToString() (as third-party arrays written before printing did) keeps printing its own text there.
        if (string.IsNullOrEmpty(format) && OverridesToString(GetType())) return ToString();
        if (!IsHostResident)
        {
            PrintFormat.Parse(format, out _);
            return $"{GetType().Name}(shape={Shape}, dtype={DType.Name()})";
        }
        using HostBuffer host = ToHostForReading();
        return ArrayPrinter.Format(host, format);
    }

    private static bool OverridesToString(Type type) => s_overridesToString.GetOrAdd(type,
        static t => t.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType != typeof(NDArray));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_overridesToString = new();

    /// <summary>What a debugger shows beside the variable: the type, shape and dtype, never the values (they may be on a device or not computed).</summary>
    private string DebuggerDisplay => $"{GetType().Name} shape={Shape} dtype={DType.Name()}";
}
