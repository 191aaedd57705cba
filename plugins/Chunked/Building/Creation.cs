using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Creation functions: every chunk is created on the chunk backend by its own task.</summary>
internal static class Creation
{
    /// <summary>The creation option <c>"chunks"</c> (Dask's <c>chunks=</c>): one size per axis, -1 for the whole axis.</summary>
    public static int[]? RequestedChunks(Placement placement) => placement.Option<int[]>(ChunksOption);

    /// <summary>The name of the creation option this backend reads (<see cref="Placement.Options"/>).</summary>
    public const string ChunksOption = "chunks";

    public static Chunks ChunksFor(Shape shape, DType dtype, int[]? requested) =>
        requested is null ? Chunks.Auto(shape, dtype) : Chunks.Regular(shape, requested);

    /// <summary>Random chunks; each chunk's seed is derived from the draw's seed and the chunk's index, so results do not depend on scheduling.</summary>
    public static ChunkedArray Random(ChunkedContext context, in RandomArgs args, Chunks? explicitChunks = null)
    {
        if (args.Distribution == RandomDistribution.Permutation)
        {
            NDArray whole = context.Create(ArrayFunctions.Random, args with { Placement = new Placement(Backend: context.ChunkBackend) });
            return LayerBuilder.FromArray(context, whole, ChunksFor(whole.Shape, whole.DType, RequestedChunks(args.Placement)));
        }
        Chunks chunks = explicitChunks ?? ChunksFor(args.Shape, args.DType, RequestedChunks(args.Placement));
        RandomArgs a = args;
        string label = args.Distribution switch
        {
            RandomDistribution.Uniform => "random",
            RandomDistribution.Normal => "normal",
            _ => "integers",
        };
        string name = Names.Layer(label, args.Distribution, args.Shape, chunks, args.Low, args.High, args.Seed, args.DType.Name());
        var placement = new Placement(Backend: context.ChunkBackend);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, args.DType, args.Shape.Rank);
        return LayerBuilder.BuildSpec(context, name, label, args.Shape, chunks, meta, [], index =>
        {
            ulong seed = ChunkSeed(a.Seed, Linear(index, chunks.BlockCounts));
            var blockArgs = a with { Shape = new Shape(chunks.BlockShape(index)), Seed = seed, Placement = placement };
            // A freed chunk of the meta's type from this compute's pool, if any, takes the draws (see TaskSpec.Random).
            return ([], TaskSpec.Random(blockArgs, meta.GetType()));
        }, freshResults: true);
    }

    /// <summary>The seed of chunk <paramref name="linearIndex"/> of a draw seeded with <paramref name="seed"/> (a SplitMix64 step).</summary>
    public static ulong ChunkSeed(ulong seed, long linearIndex)
    {
        ulong z = seed + (ulong)(linearIndex + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ChunkedArray Full(ChunkedContext context, in FullArgs args, bool empty, Chunks? explicitChunks = null)
    {
        Chunks chunks = explicitChunks ?? ChunksFor(args.Shape, args.DType, RequestedChunks(args.Placement));
        FullArgs a = args;
        string label = empty ? "empty" : a.Fill.IsZero ? "zeros" : "full";
        string name = Names.Layer(label, args.Shape, chunks, args.DType.Name(), args.Fill.Kind, args.Fill);
        var placement = new Placement(Backend: context.ChunkBackend);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, args.DType, args.Shape.Rank);
        return LayerBuilder.BuildSpec(context, name, label, args.Shape, chunks, meta, [], index =>
            ([], TaskSpec.Create(ArrayFunctions.Full, a with { Shape = new Shape(chunks.BlockShape(index)), Placement = placement })));
    }

    public static ChunkedArray Eye(ChunkedContext context, in EyeArgs args)
    {
        if (args.N < 0 || args.M < 0) throw new ArgumentException($"negative dimensions are not allowed: eye({args.N}, {args.M})");
        var shape = new Shape(args.N, args.M);
        Chunks chunks = ChunksFor(shape, args.DType, RequestedChunks(args.Placement));
        EyeArgs a = args;
        int[] rowOffsets = chunks.Offsets(0), colOffsets = chunks.Offsets(1);
        string name = Names.Layer("eye", args.N, args.M, args.K, chunks, args.DType.Name());
        var placement = new Placement(Backend: context.ChunkBackend);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, args.DType, 2);
        return LayerBuilder.BuildSpec(context, name, "eye", shape, chunks, meta, [], index =>
        {
            int[] block = chunks.BlockShape(index);
            int k = a.K + rowOffsets[index[0]] - colOffsets[index[1]];
            return ([], TaskSpec.Create(ArrayFunctions.Eye, new EyeArgs(block[0], block[1], k, a.DType, placement)));
        });
    }

    /// <summary><c>arange</c>: each chunk is an <c>arange</c> of its own span (integers exactly; floats as <c>start + i * step</c>).</summary>
    public static ChunkedArray Arange(ChunkedContext context, in RangeArgs args)
    {
        bool integral = args.Start.Kind != ScalarKind.Float && args.Stop.Kind != ScalarKind.Float && args.Step.Kind != ScalarKind.Float;
        // The protocol's length and default dtype, with NumPy's errors: a NaN step or stop and a length beyond a dimension
        // were computed here in double and cast, giving an empty array or 2^31 - 1 elements where NumPy raises.
        int length = CreationRules.ArangeLength(args.Start, args.Stop, args.Step);
        DType dtype = args.DType ?? CreationRules.ArangeDType(args.Start, args.Stop, args.Step);
        double start = args.Start.AsDouble, step = args.Step.AsDouble;
        var shape = new Shape(length);
        Chunks chunks = ChunksFor(shape, dtype, RequestedChunks(args.Placement));
        int[] offsets = chunks.Offsets(0);
        var placement = new Placement(Backend: context.ChunkBackend);
        string name = Names.Layer("arange", args.Start, args.Stop, args.Step, dtype.Name(), chunks);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, dtype, 1);
        long istart = args.Start.AsInt64, istep = args.Step.AsInt64;
        bool wide = args.Start.ExceedsInt64 || args.Stop.ExceedsInt64 || args.Step.ExceedsInt64;
        return LayerBuilder.BuildSpec(context, name, "arange", shape, chunks, meta, [], index =>
        {
            int off = offsets[index[0]], count = chunks[0][index[0]];
            if (integral)
            {
                // Bounds above int64's range (a uint64 arange) stay what they are, so the chunk's length is exact too.
                Scalar Bound(long bits) => wide ? Scalar.Integer(unchecked((ulong)bits)) : Scalar.Integer(bits);
                var blockArgs = new RangeArgs(Bound(unchecked(istart + off * istep)), Bound(unchecked(istart + (off + count) * istep)), Scalar.Integer(istep), 0, false, dtype, placement);
                return ([], TaskSpec.Create(ArrayFunctions.Arange, blockArgs));
            }
            // start + i * step for the chunk's positions i, then the dtype.
            var positions = new RangeArgs(Scalar.Integer(off), Scalar.Integer(off + count), Scalar.Integer(1), 0, false, DType.Float64, placement);
            TaskSpec scaled = TaskSpec.Call(ArrayFunctions.Multiply, new BinaryArgs(TaskSpec.Slot(TaskSpec.Create(ArrayFunctions.Arange, positions)), Scalar.Float(step)));
            TaskSpec values = TaskSpec.Call(ArrayFunctions.Add, new BinaryArgs(TaskSpec.Slot(scaled), Scalar.Float(start)));
            return ([], dtype == DType.Float64 ? values : TaskSpec.Call(ArrayFunctions.AsType, new AsTypeArgs(TaskSpec.Slot(values), dtype)));
        });
    }

    /// <summary>
    /// <c>linspace</c>, lazily (Dask's <c>linspace</c> with NumPy's arithmetic): each chunk computes its own positions i as
    /// <c>i * step + start</c> (<c>i * delta / div + start</c> when the step underflows to 0), the last chunk ends with
    /// <c>stop</c> itself when <c>endpoint</c>, and integer dtypes are floored before the cast, so every value is the chunk
    /// backend's whole-array answer. The chunk backend's own linspace, called on two samples, gives its errors and dtype.
    /// </summary>
    public static ChunkedArray Linspace(ChunkedContext context, in RangeArgs args)
    {
        var placement = new Placement(Backend: context.ChunkBackend);
        NDArray probe = context.Create(ArrayFunctions.Linspace, args with { Num = Math.Min(args.Num, 2), Placement = placement });
        DType dtype = probe.DType;
        int num = args.Num;
        var shape = new Shape(num);
        Chunks chunks = ChunksFor(shape, dtype, RequestedChunks(args.Placement));
        int[] offsets = chunks.Offsets(0);
        double start = args.Start.AsDouble, stop = args.Stop.AsDouble;
        int div = args.Endpoint ? num - 1 : num;
        double delta = stop - start, step = div > 0 ? delta / div : 0;
        bool endpoint = args.Endpoint && num > 1;
        string name = Names.Layer("linspace", args.Start, args.Stop, num, args.Endpoint, dtype.Name(), chunks);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, dtype, 1);
        return LayerBuilder.BuildSpec(context, name, "linspace", shape, chunks, meta, [], index =>
        {
            int off = offsets[index[0]], count = chunks[0][index[0]];
            bool last = endpoint && off + count == num;
            int computed = last ? count - 1 : count;
            var positions = new RangeArgs(Scalar.Integer(off), Scalar.Integer(off + computed), Scalar.Integer(1), 0, false, DType.Float64, placement);
            TaskSpec values = TaskSpec.Create(ArrayFunctions.Arange, positions);
            if (div <= 0)
            {
                values = TaskSpec.Create(ArrayFunctions.Full, new FullArgs(new Shape(computed), DType.Float64, Scalar.Float(start), placement));
            }
            else if (step == 0)
            {
                values = TaskSpec.Call(ArrayFunctions.Multiply, new BinaryArgs(TaskSpec.Slot(values), Scalar.Float(delta)));
                values = TaskSpec.Call(ArrayFunctions.Divide, new BinaryArgs(TaskSpec.Slot(values), Scalar.Float(div)));
                values = TaskSpec.Call(ArrayFunctions.Add, new BinaryArgs(TaskSpec.Slot(values), Scalar.Float(start)));
            }
            else
            {
                values = TaskSpec.Call(ArrayFunctions.Multiply, new BinaryArgs(TaskSpec.Slot(values), Scalar.Float(step)));
                values = TaskSpec.Call(ArrayFunctions.Add, new BinaryArgs(TaskSpec.Slot(values), Scalar.Float(start)));
            }
            if (last)
            {
                TaskSpec end = TaskSpec.Create(ArrayFunctions.Full, new FullArgs(new Shape(1), DType.Float64, Scalar.Float(stop), placement));
                values = TaskSpec.Call(ArrayFunctions.Concatenate, new ArrayListArgs([TaskSpec.Slot(values), TaskSpec.Slot(end)], 0));
            }
            if (dtype == DType.Float64) return ([], values);
            if (dtype.IsInteger()) values = TaskSpec.Call(ArrayFunctions.Floor, new UnaryArgs(TaskSpec.Slot(values)));
            return ([], TaskSpec.Call(ArrayFunctions.AsType, new AsTypeArgs(TaskSpec.Slot(values), dtype)));
        });
    }

    /// <summary>
    /// <c>fft.fftfreq</c> (<paramref name="rfft"/> false) and <c>fft.rfftfreq</c>, lazily: each chunk computes its own span of
    /// the sample frequencies, <c>k / (n·d)</c> for k = 0, 1, …, then (fftfreq) -(n/2), …, -1, multiplied by <c>1/(n·d)</c>
    /// as NumPy does, so every value is NumPy's to the last bit; <c>chunks:</c> places them as for any creation function.
    /// </summary>
    public static ChunkedArray FftFreq(ChunkedContext context, in FftFreqArgs args, bool rfft)
    {
        string function = rfft ? "rfftfreq" : "fftfreq";
        if (args.N < 1) throw new ArgumentException($"{function}: the window length n must be positive, got {args.N}", "n");
        if (args.D == 0 || !double.IsFinite(args.D)) throw new ArgumentException($"{function}: the sample spacing d must be finite and non-zero, got {args.D}", "d");
        int n = args.N, positive = (n - 1) / 2 + 1;
        double val = 1.0 / (n * args.D);
        var shape = new Shape(rfft ? n / 2 + 1 : n);
        Chunks chunks = ChunksFor(shape, DType.Float64, RequestedChunks(args.Placement));
        int[] offsets = chunks.Offsets(0);
        var placement = new Placement(Backend: context.ChunkBackend);
        string name = Names.Layer(function, n, args.D, chunks);
        NDArray meta = LayerBuilder.Meta(context, context.ChunkBackend, DType.Float64, 1);
        return LayerBuilder.Build(context, name, "fft." + function, shape, chunks, meta, [], index =>
        {
            int off = offsets[index[0]], count = chunks[0][index[0]];
            return ([], _ =>
            {
                var f = new double[count];
                for (int i = 0; i < count; i++)
                {
                    int k = off + i;
                    f[i] = (rfft || k < positive ? k : k - n) * val;
                }
                return context.Create(ArrayFunctions.AsArray, new AsArrayArgs(f, null, false, placement));
            });
        }, freshResults: true);
    }

    /// <summary><c>asarray</c>: a chunked array stays (rechunked when chunks are given); anything else is made an array of the chunk backend and cut into chunks.</summary>
    public static ChunkedArray AsArray(ChunkedContext context, in AsArrayArgs args)
    {
        ChunkedArray result;
        if (args.Source is ChunkedArray c)
        {
            result = RequestedChunks(args.Placement) is { } requested ? Rechunk.To(context, c, Chunks.Regular(c.Shape, requested)) : c;
        }
        else
        {
            NDArray source = args.Source as NDArray
                ?? context.Create(ArrayFunctions.AsArray, new AsArrayArgs(args.Source, args.DType, args.Copy, new Placement(Backend: context.ChunkBackend)));
            result = LayerBuilder.FromArray(context, source, ChunksFor(source.Shape, source.DType, RequestedChunks(args.Placement)));
        }
        return args.DType is { } dtype && dtype != result.DType ? Elementwise.AsType(context, result, dtype, Casting.Unsafe) : result;
    }

    private static long Linear(int[] index, int[] counts)
    {
        long linear = 0;
        for (int axis = 0; axis < index.Length; axis++) linear = linear * counts[axis] + index[axis];
        return linear;
    }
}
