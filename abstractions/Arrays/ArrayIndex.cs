namespace ArrayDispatch;

/// <summary>What one position of a NumPy index tuple holds.</summary>
public enum ArrayIndexKind : byte
{
    /// <summary>An integer: selects one position and removes the axis.</summary>
    Integer,
    /// <summary>A slice <c>start:stop:step</c>: a view.</summary>
    Slice,
    /// <summary><c>np.newaxis</c>: inserts an axis of length 1.</summary>
    NewAxis,
    /// <summary><c>...</c>: as many full slices as needed.</summary>
    Ellipsis,
    /// <summary>An integer array (fancy indexing, a copy) or a boolean mask.</summary>
    Array,
}

/// <summary>A NumPy slice <c>start:stop:step</c>; <see langword="null"/> parts take NumPy's defaults, negatives count from the end.</summary>
/// <param name="Start">The first index.</param>
/// <param name="Stop">The index to stop before.</param>
/// <param name="Step">The step; not zero.</param>
public readonly record struct Slice(int? Start = null, int? Stop = null, int? Step = null)
{
    /// <summary>The whole axis, <c>:</c>.</summary>
    public static Slice All => default;

    /// <summary>Every <paramref name="step"/>-th element, <c>::step</c>.</summary>
    public static Slice Every(int step) => new(null, null, step);

    /// <summary>
    /// Resolves the slice against an axis of <paramref name="length"/> as Python's <c>slice.indices</c> does.
    /// </summary>
    /// <exception cref="ArgumentException">The step is zero.</exception>
    public (int Start, int Step, int Count) Resolve(int length)
    {
        int step = Step ?? 1;
        if (step == 0) throw new ArgumentException("slice step cannot be zero", nameof(Step));
        int start, stop;
        if (step > 0)
        {
            start = Clamp(Start ?? 0, length, 0, length);
            stop = Clamp(Stop ?? length, length, 0, length);
            return (start, step, stop > start ? (stop - start + step - 1) / step : 0);
        }
        start = Clamp(Start ?? length - 1, length, -1, length - 1);
        stop = Stop is null ? -1 : Clamp(Stop.Value, length, -1, length - 1);
        return (start, step, start > stop ? (start - stop - step - 1) / -step : 0);
    }

    private static int Clamp(int index, int length, int lo, int hi)
    {
        if (index < 0) index += length;
        return Math.Clamp(index, lo, hi);
    }

    /// <summary>Converts a C# range (<c>1..^1</c>).</summary>
    public static implicit operator Slice(Range range) => new(
        range.Start.IsFromEnd ? (range.Start.Value == 0 ? null : -range.Start.Value) : range.Start.Value,
        range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);

    /// <inheritdoc/>
    public override string ToString() => $"{Start}:{Stop}" + (Step is { } s ? $":{s}" : "");
}

/// <summary>
/// One position of an index: <c>a[1, 2..5, ArrayIndex.NewAxis, mask]</c>. Converts implicitly from <see cref="int"/>,
/// <see cref="Index"/> (<c>^1</c>), <see cref="Range"/> (<c>1..^1</c>), <see cref="Slice"/> and <see cref="NDArray"/>.
/// </summary>
public readonly struct ArrayIndex
{
    private ArrayIndex(ArrayIndexKind kind, int integer = 0, Slice slice = default, NDArray? array = null)
    {
        Kind = kind;
        Integer = integer;
        Slice = slice;
        Array = array;
    }

    /// <summary>What this position holds.</summary>
    public ArrayIndexKind Kind { get; }

    /// <summary>The integer, for <see cref="ArrayIndexKind.Integer"/>; negative counts from the end.</summary>
    public int Integer { get; }

    /// <summary>The slice, for <see cref="ArrayIndexKind.Slice"/>.</summary>
    public Slice Slice { get; }

    /// <summary>The index array or boolean mask, for <see cref="ArrayIndexKind.Array"/>.</summary>
    public NDArray? Array { get; }

    /// <summary><c>np.newaxis</c>.</summary>
    public static ArrayIndex NewAxis => new(ArrayIndexKind.NewAxis);

    /// <summary><c>...</c>.</summary>
    public static ArrayIndex Ellipsis => new(ArrayIndexKind.Ellipsis);

    /// <summary>The whole axis, <c>:</c>.</summary>
    public static ArrayIndex All => new(ArrayIndexKind.Slice, slice: Slice.All);

    /// <summary>An integer index.</summary>
    public static implicit operator ArrayIndex(int index) => new(ArrayIndexKind.Integer, integer: index);

    /// <summary>A C# index (<c>^1</c> is the last element).</summary>
    public static implicit operator ArrayIndex(Index index) => new(ArrayIndexKind.Integer, integer: index.IsFromEnd ? -index.Value : index.Value);

    /// <summary>A C# range, as a slice.</summary>
    public static implicit operator ArrayIndex(Range range) => new(ArrayIndexKind.Slice, slice: range);

    /// <summary>A slice.</summary>
    public static implicit operator ArrayIndex(Slice slice) => new(ArrayIndexKind.Slice, slice: slice);

    /// <summary>An integer index array or a boolean mask.</summary>
    public static implicit operator ArrayIndex(NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        return new(ArrayIndexKind.Array, array: array);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ArrayIndexKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ArrayIndexKind.Slice => Slice.ToString(),
        ArrayIndexKind.NewAxis => "newaxis",
        ArrayIndexKind.Ellipsis => "...",
        _ => $"array{Array!.Shape}",
    };

    /// <summary>
    /// NumPy's <c>IndexError</c> when an index takes more axes than the array has; every backend's indexing checks its
    /// count with this one rule.
    /// </summary>
    /// <param name="indexed">How many axes the index takes (integers, slices, index arrays; not <c>newaxis</c> or <c>...</c>).</param>
    /// <param name="rank">The array's rank.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="indexed"/> is greater than <paramref name="rank"/>.</exception>
    public static void ThrowIfTooMany(int indexed, int rank)
    {
        if (indexed > rank)
        {
            throw new ArgumentOutOfRangeException("index", $"too many indices for array: array is {rank}-dimensional, but {indexed} were indexed");
        }
    }
}
