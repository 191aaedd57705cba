using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Creation functions (NEP 35): an explicit backend, else the scoped one (Np.UseBackend), else like=, else DefaultBackend.
public static partial class Np
{
    /// <summary>
    /// Converts <paramref name="source"/> (an array of any backend, a .NET array, multi-dimensional arrays keep their
    /// shape, or a <see cref="Interchange.HostBuffer"/>) into an array of <paramref name="backend"/>, copying only when needed.
    /// With no backend, an array stays on its own backend.
    /// </summary>
    /// <param name="source">The data.</param>
    /// <param name="backend">The target backend, e.g. <c>"Gpu"</c>.</param>
    /// <param name="dtype">The dtype, or <see langword="null"/> to keep the source's.</param>
    /// <param name="chunks">The chunk shape, for backends that chunk (the creation option <c>"chunks"</c>, as Dask's <c>chunks=</c>).</param>
    /// <param name="format">The storage format, for backends with several (the creation option <c>"format"</c>, as SciPy's <c>"csr"</c>, <c>"csc"</c>, <c>"coo"</c>).</param>
    /// <param name="like">Create on the backend of this array (NEP 35).</param>
    public static NDArray AsArray(object source, string? backend = null, DType? dtype = null, int[]? chunks = null, string? format = null, NDArray? like = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(source, dtype, false, Place(backend, like, chunks, format)));
    }

    /// <summary>Like <see cref="AsArray"/> but always copies (NumPy's <c>array</c>).</summary>
    public static NDArray Array(object source, string? backend = null, DType? dtype = null, int[]? chunks = null, string? format = null, NDArray? like = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(source, dtype, true, Place(backend, like, chunks, format)));
    }

    /// <summary>An array of zeros.</summary>
    public static NDArray Zeros(Shape shape, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Full, new FullArgs(shape, dtype, 0L, Place(backend, like, chunks)));

    /// <summary>An array of ones.</summary>
    public static NDArray Ones(Shape shape, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Full, new FullArgs(shape, dtype, 1L, Place(backend, like, chunks)));

    /// <summary>An array filled with <paramref name="fill"/>; the dtype defaults to the value's (NumPy's <c>full</c>).</summary>
    public static NDArray Full(Shape shape, Scalar fill, DType? dtype = null, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Full, new FullArgs(shape, dtype ?? DefaultDType(fill.Kind), fill, Place(backend, like, chunks)));

    /// <summary>An array whose values are unspecified (NumPy's <c>empty</c>).</summary>
    public static NDArray Empty(Shape shape, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Empty, new FullArgs(shape, dtype, 0L, Place(backend, like, chunks)));

    /// <summary>Zeros with the shape (and dtype) of <paramref name="x"/>, on its backend, laid out as <see cref="FullLike"/> lays it out (NumPy's order='K').</summary>
    public static NDArray ZerosLike(NDArray x, DType? dtype = null) => FullLike(x, 0L, dtype);

    /// <summary>Ones with the shape (and dtype) of <paramref name="x"/>, on its backend, laid out as <see cref="FullLike"/> lays it out (NumPy's order='K').</summary>
    public static NDArray OnesLike(NDArray x, DType? dtype = null) => FullLike(x, 1L, dtype);

    /// <summary>
    /// <paramref name="fill"/> with the shape (and dtype) of <paramref name="x"/>, on its backend, laid out as NumPy's
    /// order='K' lays out a new array like <paramref name="x"/>: C order for a C-contiguous one, Fortran order for a
    /// Fortran-ordered one, else the axes by decreasing absolute stride with a broadcast axis innermost (as
    /// <see cref="Copy(NDArray, MemoryOrder)"/> with <see cref="MemoryOrder.K"/>; strided backends only).
    /// </summary>
    public static NDArray FullLike(NDArray x, Scalar fill, DType? dtype = null) => LikeInKOrder(x, fill, dtype);

    // Every backend's full_like serves it (see the comment inside).
    private static NDArray LikeInKOrder(NDArray x, Scalar fill, DType? dtype)
    {
        ArgumentNullException.ThrowIfNull(x);
        // NumPy's *_like keep the prototype's memory order (order='K', StridedLayout.NewLikeAxes): made for the prototype
        // with its axes slowest first, read back with the axes put back (a view). A Fortran-ordered prototype gives a
        // Fortran-ordered result, a broadcast one puts its broadcast axes innermost.
        if (x.MemoryLayout is { IsCContiguous: false } layout && x.Rank > 1)
        {
            int[] axes = layout.NewLikeAxes();
            if (axes.Select((a, i) => a != i).Any(moved => moved))
            {
                var inverse = new int[axes.Length];
                for (int i = 0; i < axes.Length; i++) inverse[axes[i]] = i;
                return Transpose(ArrayFunctions.FullLike.Invoke(Dispatcher, new FullLikeArgs(Transpose(x, axes), fill, dtype)), inverse);
            }
        }
        return ArrayFunctions.FullLike.Invoke(Dispatcher, new FullLikeArgs(x, fill, dtype));
    }

    /// <summary>Values from <paramref name="start"/> up to (not including) <paramref name="stop"/> by <paramref name="step"/>.</summary>
    /// <exception cref="DTypeMismatchException">A bool <paramref name="dtype"/> for more than two values (NumPy's TypeError: its bool fill goes no further).</exception>
    public static NDArray Arange(Scalar start, Scalar stop, Scalar? step = null, DType? dtype = null, string? backend = null, int[]? chunks = null, NDArray? like = null)
    {
        if (dtype == DType.Bool && CreationRules.ArangeLength(start, stop, step ?? 1L) > 2)
        {
            throw new DTypeMismatchException("arange() is only supported for booleans when the result has at most length 2.", nameof(dtype));
        }
        return Dispatcher.Create(ArrayFunctions.Arange, new RangeArgs(start, stop, step ?? 1L, 0, false, dtype, Place(backend, like, chunks)));
    }

    /// <summary>Values 0, 1, …, <paramref name="stop"/> - 1.</summary>
    public static NDArray Arange(Scalar stop, DType? dtype = null, string? backend = null) => Arange(0L, stop, 1L, dtype, backend);

    /// <summary><paramref name="num"/> evenly spaced values over [<paramref name="start"/>, <paramref name="stop"/>].</summary>
    public static NDArray Linspace(double start, double stop, int num = 50, bool endpoint = true, DType? dtype = null, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Linspace, new RangeArgs(start, stop, 0.0, num, endpoint, dtype, Place(backend, like, chunks)));

    /// <summary>A 2-d array with ones on diagonal <paramref name="k"/> and zeros elsewhere.</summary>
    public static NDArray Eye(int n, int? m = null, int k = 0, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        Dispatcher.Create(ArrayFunctions.Eye, new EyeArgs(n, m ?? n, k, dtype, Place(backend, like, chunks)));

    /// <summary>The <paramref name="n"/> × <paramref name="n"/> identity matrix.</summary>
    public static NDArray Identity(int n, DType dtype = DType.Float64, string? backend = null) => Eye(n, n, 0, dtype, backend);

    /// <summary>Coordinate matrices from coordinate vectors (<paramref name="ij"/> selects matrix indexing).</summary>
    public static NDArray[] Meshgrid(NDArray[] xi, bool ij = false) => ArrayFunctions.Meshgrid.Invoke(Dispatcher, new MeshgridArgs(NotNull(xi), ij));

    private static DType DefaultDType(ScalarKind kind) => DTypes.DefaultOf(kind);

    /// <summary>Seeded random arrays (NumPy's <c>random.default_rng</c> API).</summary>
    public static class Random
    {
        private static readonly RandomGenerator s_shared = new();

        /// <summary>A generator: the same seed gives the same arrays on the same backend (NumPy's <c>default_rng(seed)</c>).</summary>
        public static RandomGenerator DefaultRng(ulong? seed = null) => new(seed);

        /// <summary>Uniform samples in [0, 1) (NumPy's <c>random</c> / <c>random_sample</c>).</summary>
        public static NDArray Sample(Shape shape, RandomGenerator? rng = null, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Draw(RandomDistribution.Uniform, shape, 0, 1, rng, dtype, Place(backend, like, chunks));

        /// <summary>Uniform samples in [<paramref name="low"/>, <paramref name="high"/>).</summary>
        public static NDArray Uniform(double low, double high, Shape shape, RandomGenerator? rng = null, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Draw(RandomDistribution.Uniform, shape, low, high, rng, dtype, Place(backend, like, chunks));

        /// <summary>Normal samples with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>.</summary>
        public static NDArray Normal(double loc, double scale, Shape shape, RandomGenerator? rng = null, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Draw(RandomDistribution.Normal, shape, loc, scale, rng, dtype, Place(backend, like, chunks));

        /// <summary>Integers in [<paramref name="low"/>, <paramref name="high"/>).</summary>
        public static NDArray Integers(long low, long high, Shape shape, RandomGenerator? rng = null, DType dtype = DType.Int64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Draw(RandomDistribution.Integers, shape, low, high, rng, dtype, Place(backend, like, chunks));

        /// <summary>A random permutation of 0 … <paramref name="n"/> - 1.</summary>
        public static NDArray Permutation(int n, RandomGenerator? rng = null, string? backend = null) =>
            Draw(RandomDistribution.Permutation, new Shape(n), n, 0, rng, DType.Int64, new(backend));

        private static NDArray Draw(RandomDistribution d, Shape shape, double a, double b, RandomGenerator? rng, DType dtype, Dispatch.Placement placement) =>
            Dispatcher.Create(ArrayFunctions.Random, new RandomArgs(d, shape, a, b, (rng ?? s_shared).NextSeed(), dtype, placement));
    }

    // The facade's chunks/format parameters are shortcuts for the creation options of the same names (Dask's chunks=,
    // SciPy's format=); the protocol's Placement itself carries only named options.
    internal static Dispatch.Placement Place(string? backend, NDArray? like, int[]? chunks = null, string? format = null)
    {
        var placement = new Dispatch.Placement(backend, like);
        if (chunks is not null) placement = placement.WithOption("chunks", chunks);
        if (format is not null) placement = placement.WithOption("format", format);
        return placement;
    }
}
