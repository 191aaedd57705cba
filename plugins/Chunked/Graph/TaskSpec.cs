using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// A task's work as data, so that it can run in another process that loads the same plugins (an Orleans worker): a
/// closure (<see cref="ChunkTask.Run"/>) cannot cross a process boundary, a description can. Most chunk tasks are calls of
/// protocol functions whose array arguments are the task's inputs (<see cref="Call{TArgs,TResult}"/> with
/// <see cref="Slot(int)"/> placeholders in the argument record); the rest are named kinds (random chunks with their seed,
/// chunks of an in-memory array that travel as buffers, folds of partial results, fused chains).
/// <see cref="TaskSpecCodec"/> writes and reads them. The local scheduler runs the closure built from the same
/// description (<see cref="Bind"/>), so every local compute exercises the descriptions a worker would run.
/// </summary>
public abstract class TaskSpec
{
    private protected TaskSpec() { }

    /// <summary>The cancellation of the task this thread is running for a worker (checked between the parts of fused and folded tasks).</summary>
    [ThreadStatic]
    internal static CancellationToken Cancellation;

    /// <summary>The kind's name, written first by the codec (<c>call</c>, <c>random</c>, <c>fold</c>...).</summary>
    public abstract string Kind { get; }

    /// <summary>Computes the task's value from its inputs (in the order of <see cref="ChunkTask.Dependencies"/>).</summary>
    internal abstract object Evaluate(IArrayDispatcher dispatcher, object[] inputs);

    /// <summary>The closure the local scheduler runs.</summary>
    internal TaskFunc Bind(IArrayDispatcher dispatcher) => inputs => Evaluate(dispatcher, inputs);

    /// <summary>The task's input <paramref name="index"/> as it is.</summary>
    public static TaskSpec Input(int index) => new InputSpec(index);

    /// <summary>A member of a compound value (<c>Q</c>/<c>R</c> of a QR, <c>U</c>/<c>S</c>/<c>Vh</c> of an SVD).</summary>
    public TaskSpec Member(string name) => new MemberSpec(this, name);

    /// <summary>
    /// A placeholder array for an argument record: the array <paramref name="value"/> evaluates to. Only valid inside the
    /// record given to <see cref="Call{TArgs,TResult}"/>, in a relevant position (the ones <c>MapRelevant</c> maps).
    /// </summary>
    public static NDArray Slot(TaskSpec value) => new SlotArray(value);

    /// <summary>A placeholder for the task's input <paramref name="index"/> (see <see cref="Slot(TaskSpec)"/>).</summary>
    public static NDArray Slot(int index) => new SlotArray(Input(index));

    /// <summary>A call of <paramref name="function"/> with <paramref name="args"/>, whose <see cref="Slot(int)"/> placeholders are filled in.</summary>
    public static TaskSpec Call<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs> =>
        new CallSpec<TArgs, TResult>(function, args);

    /// <summary>A call of the creation function <paramref name="function"/> (its placement names the backend).</summary>
    public static TaskSpec Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs> =>
        new CreateSpec<TArgs, TResult>(function, args);

    /// <summary>A random chunk; locally it draws into a freed buffer of <paramref name="recycleType"/> when the compute's pool has one.</summary>
    internal static TaskSpec Random(in RandomArgs args, Type? recycleType) => new RandomSpec(args, recycleType);

    /// <summary>The inputs combined left to right with <paramref name="combine"/> (a tree reduction's combine step).</summary>
    public static TaskSpec Fold(ArrayFunction<BinaryArgs, NDArray> combine) => new FoldSpec(combine);

    /// <summary>The inputs joined along <paramref name="axis"/> (one input is passed on as it is).</summary>
    public static TaskSpec Concatenate(int axis) => new ConcatenateSpec(axis);

    /// <summary>
    /// A chunk of an in-memory array: locally a slice (a view where the backend gives one) of <paramref name="source"/>;
    /// written as the chunk's own buffer, so a worker receives only its bytes.
    /// </summary>
    internal static TaskSpec SourceChunk(NDArray source, ArrayIndex[]? slices) => new SourceSpec(source, slices);

    /// <summary>The terms' values added up (blocked matrix products: the sum over k of A[i, k] @ B[k, j]).</summary>
    public static TaskSpec Sum(params TaskSpec[] terms) => terms.Length == 1 ? terms[0] : new SumSpec(terms);

    /// <summary>
    /// The inputs, each cut by its index (null: whole), joined into one n-d grid of <paramref name="counts"/> parts per axis
    /// (C order), as a rechunk's new chunk is made from the old ones it overlaps.
    /// </summary>
    public static TaskSpec Assemble(ArrayIndex[]?[] cuts, int[] counts) => new AssembleSpec(cuts, counts);

    /// <summary>
    /// <paramref name="r"/>'s value, after NumPy's singular-matrix check of a triangular factor (chunked <c>solve</c>
    /// solves with R of a TSQR, where LU alone would take a tiny pivot for a valid one).
    /// </summary>
    internal static TaskSpec Nonsingular(TaskSpec r) => new NonsingularSpec(r);

    /// <summary>A fused element-wise expression over the inputs (tiled as the local scheduler runs it), giving <paramref name="dtype"/>.</summary>
    internal static TaskSpec Elementwise(Building.ElemExpr expr, int operations, DType dtype) => new ElementwiseSpec(expr, operations, dtype);

    /// <summary><c>argmin</c>/<c>argmax</c> of a chunk at <paramref name="start"/>: its extreme and that element's index in the whole array (an ArgPair).</summary>
    internal static TaskSpec ArgChunk(bool max, int? axis, int[] start, long[] globalStrides) => new ArgChunkSpec(max, axis, start, globalStrides);

    /// <summary>The inputs' (extreme, index) pairs combined into the better one (NumPy's first-occurrence and NaN rules).</summary>
    internal static TaskSpec ArgCombine(bool max, bool isFloat) => new ArgCombineSpec(max, isFloat);

    /// <summary>A chunk read from a C-order <c>.npy</c> file (the worker reads the file at <see cref="NpySpec.Path"/>: it must see the same file).</summary>
    internal static TaskSpec NpyRegion(string path, long dataOffset, DType dtype, bool bigEndian, long[] strides, int[] start, int[] shape, string backend) =>
        new NpySpec(path, dataOffset, dtype, bigEndian, strides, start, shape, backend);

    /// <summary>The Chunked context of <paramref name="dispatcher"/> with default options (what a described task needs to run its chunk code).</summary>
    internal static ChunkedContext ContextOf(IArrayDispatcher dispatcher) => s_contexts.GetValue(dispatcher, d => new ChunkedContext(d, new ChunkedOptions()));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IArrayDispatcher, ChunkedContext> s_contexts = new();

    /// <summary>A fused chain: <paramref name="outer"/> run on <paramref name="inner"/>'s value; a failure inside names <paramref name="innerKey"/>.</summary>
    internal static TaskSpec Fused(string innerKey, TaskSpec inner, TaskSpec outer) => new FusedSpec(innerKey, inner, outer);
}

/// <summary>A placeholder array in an argument record of a <see cref="TaskSpec.Call{TArgs,TResult}"/>: never computed with.</summary>
internal sealed class SlotArray(TaskSpec value) : NDArray
{
    public TaskSpec Value { get; } = value;

    public override Shape Shape => throw Misuse();

    public override DType DType => throw Misuse();

    public override Interchange.HostBuffer ToHost() => throw Misuse();

    private static InvalidOperationException Misuse() =>
        new("a task description's placeholder array was used as an array: only relevant arguments of TaskSpec.Call may hold one");
}

internal sealed class InputSpec(int index) : TaskSpec
{
    public int Index { get; } = index;

    public override string Kind => "input";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) => inputs[Index];
}

internal sealed class MemberSpec(TaskSpec of, string name) : TaskSpec
{
    public TaskSpec Of { get; } = of;

    public string Name { get; } = name;

    public override string Kind => "member";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) => Take(Of.Evaluate(dispatcher, inputs), Name);

    public static object Take(object value, string name) => (value, name) switch
    {
        (QrResult qr, "Q") => qr.Q ?? throw new InvalidOperationException("the QR was computed without Q"),
        (QrResult qr, "R") => qr.R,
        (SvdResult svd, "U") => svd.U ?? throw new InvalidOperationException("the SVD was computed without U"),
        (SvdResult svd, "S") => svd.S,
        (SvdResult svd, "Vh") => svd.Vh ?? throw new InvalidOperationException("the SVD was computed without Vh"),
        (LstsqResult lstsq, "Solution") => lstsq.Solution,
        (Building.ArgPair pair, "Index") => pair.Index,
        (EighResult eigh, "Eigenvalues") => eigh.Eigenvalues,
        (EighResult eigh, "Eigenvectors") => eigh.Eigenvectors,
        (SlogdetResult slogdet, "Sign") => slogdet.Sign,
        (SlogdetResult slogdet, "LogAbsDet") => slogdet.LogAbsDet,
        (UniqueResult unique, "Values") => unique.Values,
        (UniqueResult unique, "Indices") => unique.Indices ?? throw new InvalidOperationException("unique was computed without its indices"),
        (UniqueResult unique, "Inverse") => unique.Inverse ?? throw new InvalidOperationException("unique was computed without its inverse"),
        (UniqueResult unique, "Counts") => unique.Counts ?? throw new InvalidOperationException("unique was computed without its counts"),
        (Linalg.TallSkinnyFactor factor, "R") => factor.R,
        _ => throw new InvalidOperationException($"a task description takes member '{name}' of a {value.GetType().Name}, which has none"),
    };
}

/// <summary>A protocol call; the argument record's placeholders are replaced by their values, left to right.</summary>
internal abstract class CallSpecBase : TaskSpec
{
    public abstract ArrayFunction Function { get; }

    /// <summary>The argument record with its placeholders (boxed, for the codec).</summary>
    public abstract object Arguments { get; }

    public override string Kind => "call";

    protected static Func<NDArray, NDArray> Filler(IArrayDispatcher dispatcher, object[] inputs) =>
        a => a is SlotArray slot ? (NDArray)slot.Value.Evaluate(dispatcher, inputs) : a;
}

internal sealed class CallSpec<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, TArgs args) : CallSpecBase where TArgs : struct, IArrayArgs<TArgs>
{
    public override ArrayFunction Function => function;

    public override object Arguments => args;

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        dispatcher.Invoke(function, args.MapRelevant(Filler(dispatcher, inputs)))!;
}

internal sealed class CreateSpec<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, TArgs args) : CallSpecBase where TArgs : struct, ICreationArgs<TArgs>
{
    public override ArrayFunction Function => function;

    public override object Arguments => args;

    public override string Kind => "create";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        dispatcher.Create(function, args.MapRelevant(Filler(dispatcher, inputs)))!;
}

internal sealed class RandomSpec(RandomArgs args, Type? recycleType) : TaskSpec
{
    public RandomArgs Arguments { get; } = args;

    public override string Kind => "random";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        // A freed chunk of the same kind from this compute's pool, if any, takes the draws (NumPy's out=): no fresh pages.
        NDArray? reuse = recycleType is null ? null : RecyclePool.Current?.Take(recycleType, Arguments.DType, Arguments.Shape);
        return dispatcher.Create(ArrayFunctions.Random, Arguments with { Out = reuse });
    }
}

internal sealed class FoldSpec(ArrayFunction<BinaryArgs, NDArray> combine) : TaskSpec
{
    public ArrayFunction<BinaryArgs, NDArray> Combine { get; } = combine;

    public override string Kind => "fold";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) => Run(dispatcher, Combine, inputs.Select(v => (NDArray)v));

    /// <summary><paramref name="values"/> combined left to right, checking the task's cancellation between steps.</summary>
    internal static NDArray Run(IArrayDispatcher dispatcher, ArrayFunction<BinaryArgs, NDArray> combine, IEnumerable<NDArray> values)
    {
        using IEnumerator<NDArray> e = values.GetEnumerator();
        if (!e.MoveNext()) throw new ArgumentException("a fold needs at least one value", nameof(values));
        NDArray acc = e.Current;
        while (e.MoveNext())
        {
            Cancellation.ThrowIfCancellationRequested();
            acc = dispatcher.Invoke(combine, new BinaryArgs(acc, e.Current));
        }
        return acc;
    }
}

internal sealed class ConcatenateSpec(int axis) : TaskSpec
{
    public int Axis { get; } = axis;

    public override string Kind => "concatenate";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        if (inputs.Length == 1) return inputs[0];
        NDArray[] parts = [.. inputs.Cast<NDArray>()];
        return dispatcher.Invoke(ArrayFunctions.Concatenate, new ArrayListArgs(parts, Axis));
    }
}

internal sealed class SourceSpec(NDArray source, ArrayIndex[]? slices) : TaskSpec
{
    public override string Kind => "buffer";

    /// <summary>The chunk's value (a view of the source where the backend gives one).</summary>
    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        slices is null ? source : dispatcher.Invoke(ArrayFunctions.GetItem, new IndexArgs(source, slices));
}

/// <summary>A chunk that travelled as its buffer (what <see cref="SourceSpec"/> is read back as).</summary>
internal sealed class LiteralSpec(NDArray value) : TaskSpec
{
    public override string Kind => "buffer";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) => value;
}

internal sealed class FusedSpec(string innerKey, TaskSpec inner, TaskSpec outer) : TaskSpec
{
    public string InnerKey { get; } = innerKey;

    public TaskSpec Inner { get; } = inner;

    public TaskSpec Outer { get; } = outer;

    public override string Kind => "fused";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        object value;
        try
        {
            value = Inner.Evaluate(dispatcher, inputs);
        }
        catch (Exception ex) when (ex is not ChunkTaskException && ex is not OperationCanceledException)
        {
            throw new ChunkTaskException(InnerKey, ex);
        }
        Cancellation.ThrowIfCancellationRequested();
        return Outer.Evaluate(dispatcher, [value]);
    }
}

internal sealed class ElementwiseSpec(Building.ElemExpr expr, int operations, DType dtype) : TaskSpec
{
    public Building.ElemExpr Expr { get; } = expr;

    public int Operations { get; } = operations;

    public DType DType { get; } = dtype;

    public override string Kind => "elementwise";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        Building.TiledEval.Run(ContextOf(dispatcher), Expr, Operations, inputs, DType);
}

internal sealed class ArgChunkSpec(bool max, int? axis, int[] start, long[] globalStrides) : TaskSpec
{
    public bool Max { get; } = max;

    public int? Axis { get; } = axis;

    public int[] Start { get; } = start;

    public long[] GlobalStrides { get; } = globalStrides;

    public override string Kind => "argchunk";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        Building.ArgReductions.Chunk(ContextOf(dispatcher), Max, (NDArray)inputs[0], Start, Axis, GlobalStrides);
}

internal sealed class ArgCombineSpec(bool max, bool isFloat) : TaskSpec
{
    public bool Max { get; } = max;

    public bool IsFloat { get; } = isFloat;

    public override string Kind => "argcombine";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        Building.ArgReductions.CombineAll(ContextOf(dispatcher), Max, IsFloat, inputs);
}

internal sealed class NpySpec(string path, long dataOffset, DType dtype, bool bigEndian, long[] strides, int[] start, int[] shape, string backend) : TaskSpec
{
    public string Path { get; } = path;

    public long DataOffset { get; } = dataOffset;

    public DType DType { get; } = dtype;

    public bool BigEndian { get; } = bigEndian;

    public long[] Strides { get; } = strides;

    public int[] Start { get; } = start;

    public int[] Shape { get; } = shape;

    public string Backend { get; } = backend;

    public override string Kind => "npy";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs) =>
        Functions.NpyReader.ReadChunk(dispatcher, Path, DataOffset, DType, BigEndian, Strides, Start, Shape, Backend);
}

internal sealed class SumSpec(TaskSpec[] terms) : TaskSpec
{
    public TaskSpec[] Terms { get; } = terms;

    public override string Kind => "sum";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        NDArray acc = (NDArray)Terms[0].Evaluate(dispatcher, inputs);
        for (int k = 1; k < Terms.Length; k++) acc = dispatcher.Invoke(ArrayFunctions.Add, new BinaryArgs(acc, (NDArray)Terms[k].Evaluate(dispatcher, inputs)));
        return acc;
    }
}

internal sealed class AssembleSpec(ArrayIndex[]?[] cuts, int[] counts) : TaskSpec
{
    public ArrayIndex[]?[] Cuts { get; } = cuts;

    public int[] Counts { get; } = counts;

    public override string Kind => "assemble";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        var parts = new NDArray[inputs.Length];
        for (int n = 0; n < parts.Length; n++)
        {
            var chunk = (NDArray)inputs[n];
            parts[n] = Cuts[n] is { } cut ? dispatcher.Invoke(ArrayFunctions.GetItem, new IndexArgs(chunk, cut)) : chunk;
        }
        // Joined by concatenating, last axis first (as LayerBuilder.Assemble).
        NDArray[] grid = parts;
        for (int axis = Counts.Length - 1; axis >= 0; axis--)
        {
            int run = Counts[axis];
            if (run == 1) continue;
            var next = new NDArray[grid.Length / run];
            for (int g = 0; g < next.Length; g++)
            {
                next[g] = dispatcher.Invoke(ArrayFunctions.Concatenate, new ArrayListArgs(grid[(g * run)..((g + 1) * run)], axis));
            }
            grid = next;
        }
        return grid[0];
    }
}

internal sealed class NonsingularSpec(TaskSpec r) : TaskSpec
{
    public TaskSpec R { get; } = r;

    public override string Kind => "nonsingular";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        var value = (NDArray)R.Evaluate(dispatcher, inputs);
        Linalg.ChunkedLinalg.RequireNonsingular(dispatcher, value);
        return value;
    }
}
