using System.Collections;
using System.Numerics;

namespace ArrayDispatch;

/// <summary>
/// A set of <see cref="DType"/>s, one bit each: what a backend declares it takes for a function
/// (<see cref="Plugins.FunctionSupport.DTypes"/>), so "does it take complex64?" is one mask test on the dispatch path.
/// </summary>
public readonly record struct DTypeSet : IEnumerable<DType>
{
    private readonly ushort _bits;

    private DTypeSet(ushort bits) => _bits = bits;

    /// <summary>No dtype.</summary>
    public static DTypeSet None => default;

    /// <summary>Every dtype the protocol defines.</summary>
    public static DTypeSet All { get; } = Of([.. DTypes.All]);

    /// <summary>Every dtype but the complex ones: bool, the integers and the floats.</summary>
    public static DTypeSet Real { get; } = All.Except(Of(DType.Complex64, DType.Complex128));

    /// <summary>The set of <paramref name="dtypes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not a dtype the protocol defines.</exception>
    public static DTypeSet Of(params ReadOnlySpan<DType> dtypes)
    {
        ushort bits = 0;
        foreach (DType d in dtypes)
        {
            if (!d.IsKnown()) throw new ArgumentOutOfRangeException(nameof(dtypes), d, $"{(byte)d} is not a dtype; the dtypes are {DTypes.AllNames}.");
            bits |= Bit(d);
        }
        return new(bits);
    }

    /// <summary>Whether <paramref name="dtype"/> is in the set.</summary>
    public bool Contains(DType dtype) => dtype.IsKnown() && (_bits & Bit(dtype)) != 0;

    /// <summary>Whether every dtype of <paramref name="other"/> is in the set.</summary>
    public bool IsSupersetOf(DTypeSet other) => (other._bits & ~_bits) == 0;

    /// <summary>The dtypes in this set or in <paramref name="other"/>.</summary>
    public DTypeSet Union(DTypeSet other) => new((ushort)(_bits | other._bits));

    /// <summary>The dtypes in this set and not in <paramref name="other"/>.</summary>
    public DTypeSet Except(DTypeSet other) => new((ushort)(_bits & ~other._bits));

    /// <summary>This set with <paramref name="dtype"/> added.</summary>
    public DTypeSet With(DType dtype) => Union(Of(dtype));

    /// <summary>Whether the set is empty.</summary>
    public bool IsEmpty => _bits == 0;

    /// <summary>How many dtypes the set holds.</summary>
    public int Count => BitOperations.PopCount(_bits);

    /// <inheritdoc/>
    public IEnumerator<DType> GetEnumerator()
    {
        foreach (DType d in DTypes.All)
        {
            if (Contains(d)) yield return d;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>"all dtypes", "all but complex64, complex128", or the names, as NumPy spells them.</summary>
    public override string ToString()
    {
        if (this == All) return "all dtypes";
        if (IsEmpty) return "no dtype";
        DTypeSet missing = All.Except(this);
        return missing.Count < Count
            ? "all but " + string.Join(", ", missing.Select(d => d.Name()))
            : string.Join(", ", this.Select(d => d.Name()));
    }

    /// <summary>Adds <paramref name="dtype"/>'s bit without validating it (the dispatch path collects a call's dtypes with it).</summary>
    internal DTypeSet Add(DType dtype) => dtype.IsKnown() ? new((ushort)(_bits | Bit(dtype))) : this;

    private static ushort Bit(DType dtype) => (ushort)(1 << (byte)dtype);
}
