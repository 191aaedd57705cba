namespace ArrayDispatch;

/// <summary>An <c>axis=</c> argument: none (all axes), one axis, or a tuple of axes. Negative axes count from the end.</summary>
public readonly struct Axes : IEquatable<Axes>
{
    private readonly int[]? _axes;

    private Axes(int[]? axes) => _axes = axes;

    /// <summary>All axes (<c>axis=None</c>).</summary>
    public static Axes All => default;

    /// <summary>Whether this means every axis.</summary>
    public bool IsAll => _axes is null;

    /// <summary>The axes as given (possibly negative); empty when <see cref="IsAll"/>.</summary>
    public ReadOnlySpan<int> Values => _axes;

    /// <summary>One axis.</summary>
    public static Axes Of(int axis) => new([axis]);

    /// <summary>A tuple of axes; an empty tuple reduces over no axis, as in NumPy.</summary>
    public static Axes Of(params int[] axes) => new((int[])axes.Clone());

    /// <summary>Converts one axis.</summary>
    public static implicit operator Axes(int axis) => Of(axis);

    /// <summary>Converts an optional axis; <see langword="null"/> means all axes.</summary>
    public static implicit operator Axes(int? axis) => axis is { } a ? Of(a) : All;

    /// <summary>Converts a tuple of axes.</summary>
    public static implicit operator Axes(int[]? axes) => axes is null ? All : Of(axes);

    /// <summary>
    /// The axes for an array of rank <paramref name="rank"/>: normalised to <c>[0, rank)</c>, sorted, each once.
    /// Every axis when <see cref="IsAll"/>.
    /// </summary>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis is repeated.</exception>
    public int[] Normalize(int rank)
    {
        if (_axes is null)
        {
            var all = new int[rank];
            for (int i = 0; i < rank; i++) all[i] = i;
            return all;
        }
        var result = new int[_axes.Length];
        for (int i = 0; i < _axes.Length; i++) result[i] = Shape.NormalizeAxis(_axes[i], rank);
        Array.Sort(result);
        for (int i = 1; i < result.Length; i++)
        {
            if (result[i] == result[i - 1]) throw new ArgumentException($"duplicate value in 'axis': {result[i]}", "axis");
        }
        return result;
    }

    /// <inheritdoc/>
    public bool Equals(Axes other) => _axes is null ? other._axes is null : other._axes is not null && _axes.AsSpan().SequenceEqual(other._axes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Axes a && Equals(a);

    /// <inheritdoc/>
    public override int GetHashCode() => _axes is null ? 0 : _axes.Length;

    /// <inheritdoc/>
    public override string ToString() => _axes is null ? "None" : _axes.Length == 1 ? _axes[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : Shape.Format(_axes);
}
