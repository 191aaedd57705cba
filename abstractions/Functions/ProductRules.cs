namespace ArrayDispatch.Functions;

/// <summary>
/// How NumPy's tensor products reduce to a matrix product or a broadcast multiply, written once for every backend:
/// <c>tensordot</c> (two transposes, two reshapes, one matmul) and <c>kron</c> (one broadcast multiply of spread views).
/// </summary>
public static class ProductRules
{
    /// <summary>
    /// NumPy's <c>tensordot(a, b, (axesA, axesB))</c> as a matrix product: <c>a</c> transposed by <c>PermA</c> (free axes
    /// first) and reshaped to (M, K), <c>b</c> transposed by <c>PermB</c> (summed axes first) and reshaped to (K, N);
    /// the (M, N) product reshaped to <c>Result</c> (<c>a</c>'s free dimensions, then <c>b</c>'s).
    /// </summary>
    /// <exception cref="ArgumentException">The axis lists differ in length.</exception>
    /// <exception cref="ShapeMismatchException">A summed axis of <c>a</c> and its partner in <c>b</c> differ in length.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public static TensordotPlan Tensordot(Shape a, Shape b, ReadOnlySpan<int> axesA, ReadOnlySpan<int> axesB)
    {
        if (axesA.Length != axesB.Length) throw new ArgumentException("shape-mismatch for sum: the two axis lists differ in length", "axes");
        var ca = new int[axesA.Length];
        var cb = new int[axesB.Length];
        for (int i = 0; i < ca.Length; i++)
        {
            ca[i] = Shape.NormalizeAxis(axesA[i], a.Rank);
            cb[i] = Shape.NormalizeAxis(axesB[i], b.Rank);
            if (a.Dims[ca[i]] != b.Dims[cb[i]])
            {
                throw new ShapeMismatchException($"shape-mismatch for sum: axis {ca[i]} of {a} and axis {cb[i]} of {b}", a, b);
            }
        }
        int[] freeA = [.. Enumerable.Range(0, a.Rank).Where(i => Array.IndexOf(ca, i) < 0)];
        int[] freeB = [.. Enumerable.Range(0, b.Rank).Where(i => Array.IndexOf(cb, i) < 0)];
        int m = freeA.Aggregate(1, (p, i) => checked(p * a.Dims[i]));
        int n = freeB.Aggregate(1, (p, i) => checked(p * b.Dims[i]));
        int k = ca.Aggregate(1, (p, i) => checked(p * a.Dims[i]));
        return new TensordotPlan([.. freeA, .. ca], [.. cb, .. freeB], m, k, n,
            new Shape([.. freeA.Select(i => a.Dims[i]), .. freeB.Select(i => b.Dims[i])]));
    }

    /// <summary>
    /// The shape of NumPy's <c>einsum(subscripts, *operands)</c> for operands of <paramref name="shapes"/>: '...' right-aligned
    /// and broadcast across operands, the implicit output (the '...' dimensions, then the labels that appear once, in
    /// alphabetical order), every label one size. Backends check a call with it before computing.
    /// </summary>
    /// <exception cref="ArgumentException">The subscripts name another number of operands or dimensions, or an output label no input has.</exception>
    /// <exception cref="ShapeMismatchException">A label has two sizes, or the '...' dimensions do not broadcast.</exception>
    public static Shape EinsumShape(string subscripts, IReadOnlyList<Shape> shapes)
    {
        (string[] inputs, string output, int[][] dims) = EinsumLabels(subscripts, shapes);
        var sizes = new Dictionary<char, int>();
        for (int o = 0; o < inputs.Length; o++)
        {
            for (int i = 0; i < inputs[o].Length; i++)
            {
                int d = dims[o][i];
                if (sizes.TryGetValue(inputs[o][i], out int s) && s != d)
                {
                    throw new ShapeMismatchException($"einsum: size of label '{inputs[o][i]}' for operand {o} ({d}) does not match previous terms ({s})", shapes[o]);
                }
                sizes[inputs[o][i]] = d;
            }
        }
        return new Shape([.. output.Select(c => sizes[c])]);
    }

    /// <summary>
    /// The subscripts of <see cref="EinsumShape"/> made explicit: '...' replaced by labels the subscripts do not use (its
    /// dimensions broadcast across operands, as in the dims returned), the implicit output spelled out. Checks the
    /// operand and dimension counts and the output labels, not the label sizes.
    /// </summary>
    internal static (string[] Inputs, string Output, int[][] Dims) EinsumLabels(string subscripts, IReadOnlyList<Shape> shapes)
    {
        ArgumentNullException.ThrowIfNull(subscripts);
        ArgumentNullException.ThrowIfNull(shapes);
        string spec = subscripts.Replace(" ", "", StringComparison.Ordinal);
        string[] sides = spec.Split("->");
        string[] inputs = sides[0].Split(',');
        if (inputs.Length != shapes.Count) throw new ArgumentException($"einsum: {inputs.Length} operand subscripts for {shapes.Count} operands", nameof(subscripts));
        var dims = shapes.Select(s => s.ToArray()).ToArray();
        string? output = sides.Length > 1 ? sides[1] : null;
        if (spec.Contains("...", StringComparison.Ordinal))
        {
            var counts = new int[inputs.Length];
            Shape broadcast = Shape.Scalar;
            for (int o = 0; o < inputs.Length; o++)
            {
                if (!inputs[o].Contains("...", StringComparison.Ordinal)) continue;
                counts[o] = dims[o].Length - (inputs[o].Length - 3);
                if (counts[o] < 0)
                {
                    throw new ArgumentException($"einsum: operand {o} has {dims[o].Length} dimensions but subscripts '{inputs[o]}' name {inputs[o].Length - 3} besides '...'", nameof(subscripts));
                }
                int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
                broadcast = Shape.Broadcast(broadcast, new Shape(dims[o].AsSpan(start, counts[o]).ToArray()));
            }
            int e = broadcast.Rank;
            char[] fresh = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".Where(c => !spec.Contains(c)).Take(e)];
            if (fresh.Length < e) throw new ArgumentException("einsum: too many dimensions under '...'", nameof(subscripts));
            string all = new(fresh);
            for (int o = 0; o < inputs.Length; o++)
            {
                if (!inputs[o].Contains("...", StringComparison.Ordinal)) continue;
                int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
                for (int i = 0; i < counts[o]; i++) dims[o][start + i] = broadcast.Dims[e - counts[o] + i];
                inputs[o] = inputs[o].Replace("...", all[(e - counts[o])..], StringComparison.Ordinal);
            }
            output = output is not null
                ? output.Replace("...", all, StringComparison.Ordinal)
                : all + new string([.. string.Concat(inputs).Where(c => !all.Contains(c)).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).Order()]);
        }
        output ??= new string([.. string.Concat(inputs).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).Order()]);
        for (int o = 0; o < inputs.Length; o++)
        {
            if (inputs[o].Length != dims[o].Length)
            {
                throw new ArgumentException($"einsum: operand {o} has {dims[o].Length} dimensions but subscripts '{inputs[o]}' name {inputs[o].Length}", nameof(subscripts));
            }
        }
        foreach (char c in output)
        {
            if (!inputs.Any(i => i.Contains(c))) throw new ArgumentException($"einsum: output subscript '{c}' does not appear in the inputs", nameof(subscripts));
        }
        return (inputs, output, dims);
    }

    /// <summary>
    /// NumPy's <c>kron(a, b)</c> as a broadcast multiply: both padded to one rank, <c>a</c> reshaped to <c>SpreadA</c>
    /// <c>(a0, 1, a1, 1, …)</c> and <c>b</c> to <c>SpreadB</c> <c>(1, b0, 1, b1, …)</c>, their product
    /// <c>(a0, b0, a1, b1, …)</c> merged pairwise into <c>Result</c> <c>(a0·b0, a1·b1, …)</c>.
    /// </summary>
    public static (Shape SpreadA, Shape SpreadB, Shape Result) KronShapes(Shape a, Shape b)
    {
        int rank = Math.Max(a.Rank, b.Rank);
        var spreadA = new int[2 * rank];
        var spreadB = new int[2 * rank];
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Rank ? 1 : a.Dims[i - (rank - a.Rank)];
            int db = i < rank - b.Rank ? 1 : b.Dims[i - (rank - b.Rank)];
            (spreadA[2 * i], spreadA[2 * i + 1]) = (da, 1);
            (spreadB[2 * i], spreadB[2 * i + 1]) = (1, db);
            result[i] = checked(da * db);
        }
        return (new Shape(spreadA), new Shape(spreadB), new Shape(result));
    }
}

/// <summary>
/// A <c>tensordot</c> as a matrix product (<see cref="ProductRules.Tensordot"/>): the permutations that bring the free
/// axes of <c>a</c> first and the summed axes of <c>b</c> first, the (M, K) × (K, N) sizes, and the result's shape.
/// </summary>
public sealed record TensordotPlan(int[] PermA, int[] PermB, int M, int K, int N, Shape Result);
