using ArrayDispatch.Functions;
using ArrayDispatch.Dense.Kernels;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// <c>einsum</c> for one or two operands, with broadcasting <c>...</c>: repeated labels in an operand take its diagonal, labels in
/// one operand only and not in the output are summed first, the rest is a batched matrix product.
/// </summary>
internal static class DenseEinsum
{
    public static DenseArray Run(string subscripts, DenseArray[] operands)
    {
        // NumPy's rules (operand and dimension counts, label sizes, '...', output labels) are the protocol's.
        ProductRules.EinsumShape(subscripts, [.. operands.Select(o => o.Shape)]);
        if (operands.Length is < 1 or > 2) throw new ArgumentException("einsum: the Dense backend takes one or two operands", nameof(subscripts));
        string spec = subscripts.Replace(" ", "", StringComparison.Ordinal);
        if (spec.Contains("...", StringComparison.Ordinal)) (spec, operands) = ExpandEllipsis(spec, operands);
        string[] sides = spec.Split("->");
        string[] inputs = sides[0].Split(',');
        string output = sides.Length > 1
            ? sides[1]
            : new string(string.Concat(inputs).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(c => c).ToArray());
        var sizes = new Dictionary<char, int>();
        for (int o = 0; o < operands.Length; o++)
        {
            for (int i = 0; i < inputs[o].Length; i++) sizes[inputs[o][i]] = operands[o].Shape.Dims[i];
        }
        var labels = new string[operands.Length];
        var arrays = new DenseArray[operands.Length];
        for (int o = 0; o < operands.Length; o++)
        {
            (arrays[o], labels[o]) = Diagonals(operands[o], inputs[o]);
            string other = operands.Length == 2 ? inputs[1 - o] : "";
            // Sum labels that appear nowhere else.
            int[] sumAxes = Enumerable.Range(0, labels[o].Length).Where(i => !output.Contains(labels[o][i]) && !other.Contains(labels[o][i])).ToArray();
            if (sumAxes.Length > 0)
            {
                arrays[o] = DenseReductions.SumOfProducts(arrays[o], sumAxes);
                labels[o] = new string(labels[o].Where((c, i) => !sumAxes.Contains(i)).ToArray());
            }
        }
        if (operands.Length == 1) return Arrange(arrays[0], labels[0], output);

        string la = labels[0], lb = labels[1];
        char[] batch = la.Where(c => lb.Contains(c) && output.Contains(c)).ToArray();
        char[] contracted = la.Where(c => lb.Contains(c) && !output.Contains(c)).ToArray();
        char[] freeA = la.Where(c => !lb.Contains(c)).ToArray();
        char[] freeB = lb.Where(c => !la.Contains(c)).ToArray();
        int Size(IEnumerable<char> cs) => cs.Aggregate(1, (p, c) => p * sizes[c]);
        int nb = Size(batch), m = Size(freeA), n = Size(freeB), k = Size(contracted);
        DenseArray a = Views.Reshape(Views.Transpose(arrays[0], [.. batch.Concat(freeA).Concat(contracted).Select(c => la.IndexOf(c))]), new Shape(nb, m, k));
        DenseArray b = Views.Reshape(Views.Transpose(arrays[1], [.. batch.Concat(contracted).Concat(freeB).Select(c => lb.IndexOf(c))]), new Shape(nb, k, n));
        DenseArray c = DenseProducts.Matmul(a, b);
        string have = new(batch.Concat(freeA).Concat(freeB).ToArray());
        return Arrange(Views.Reshape(c, new Shape(have.Select(ch => sizes[ch]).ToArray())), have, output);
    }

    // Rewrites '...' as explicit labels (letters the spec does not use), right-aligned across operands as NumPy
    // broadcasts them; operands whose ellipsis dimensions are 1 where another's are not are broadcast (views). The
    // implicit output is the ellipsis dimensions followed by the labels that appear once, in alphabetical order.
    private static (string Spec, DenseArray[] Operands) ExpandEllipsis(string spec, DenseArray[] operands)
    {
        string[] sides = spec.Split("->");
        string[] inputs = sides[0].Split(',');
        var counts = new int[operands.Length];
        Shape broadcast = Shape.Scalar;
        for (int o = 0; o < operands.Length; o++)
        {
            if (!inputs[o].Contains("...", StringComparison.Ordinal)) continue;
            counts[o] = operands[o].Rank - (inputs[o].Length - 3);
            int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
            broadcast = Shape.Broadcast(broadcast, new Shape(operands[o].Shape.Dims.Slice(start, counts[o]).ToArray()));
        }
        int e = broadcast.Rank;
        char[] fresh = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".Where(c => !spec.Contains(c)).Take(e).ToArray();
        string all = new(fresh);
        var expanded = new DenseArray[operands.Length];
        for (int o = 0; o < operands.Length; o++)
        {
            expanded[o] = operands[o];
            if (!inputs[o].Contains("...", StringComparison.Ordinal)) continue;
            int start = inputs[o].IndexOf("...", StringComparison.Ordinal);
            int[] dims = operands[o].Shape.Dims.ToArray();
            for (int i = 0; i < counts[o]; i++) dims[start + i] = broadcast.Dims[e - counts[o] + i];
            if (!dims.AsSpan().SequenceEqual(operands[o].Shape.Dims)) expanded[o] = Views.BroadcastTo(operands[o], new Shape(dims));
            inputs[o] = inputs[o].Replace("...", all[(e - counts[o])..], StringComparison.Ordinal);
        }
        string output = sides.Length > 1
            ? sides[1].Replace("...", all, StringComparison.Ordinal)
            : all + new string(string.Concat(inputs).Where(c => !all.Contains(c)).GroupBy(c => c).Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(c => c).ToArray());
        return (string.Join(',', inputs) + "->" + output, expanded);
    }

    // Repeated labels within one operand: take the diagonal (a view with summed strides).
    private static (DenseArray, string) Diagonals(DenseArray x, string labels)
    {
        var dims = new List<int>();
        var strides = new List<long>();
        var kept = new List<char>();
        for (int i = 0; i < labels.Length; i++)
        {
            int at = kept.IndexOf(labels[i]);
            if (at >= 0) { strides[at] += x.Strides[i]; continue; }
            kept.Add(labels[i]);
            dims.Add(x.Shape.Dims[i]);
            strides.Add(x.Strides[i]);
        }
        return (x.View(new Shape([.. dims]), [.. strides], x.Offset), new string([.. kept]));
    }

    // Sums labels missing from the output, then permutes to the output order.
    private static DenseArray Arrange(DenseArray x, string have, string output)
    {
        int[] sumAxes = Enumerable.Range(0, have.Length).Where(i => !output.Contains(have[i])).ToArray();
        if (sumAxes.Length > 0)
        {
            x = DenseReductions.SumOfProducts(x, sumAxes);
            have = new string(have.Where((c, i) => !sumAxes.Contains(i)).ToArray());
        }
        return Copy.Contiguous(Views.Transpose(x, output.Select(c => have.IndexOf(c)).ToArray()));
    }
}
