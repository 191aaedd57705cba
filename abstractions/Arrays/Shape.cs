using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace ArrayDispatch;

/// <summary>
/// The dimensions of an n-dimensional array; immutable. Prints as a NumPy tuple: <c>()</c>, <c>(3,)</c>, <c>(2, 4)</c>.
/// A collection expression is a shape (<c>Np.Zeros([2, 3])</c>, <c>Shape s = [];</c>), as are an <c>int[]</c>, an
/// <c>int</c> and a tuple of two or three.
/// </summary>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly struct Shape : IEquatable<Shape>, IReadOnlyList<int>
{
    private static readonly int[] s_empty = [];
    private readonly int[]? _dims;

    /// <summary>Creates a shape from its dimensions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A dimension is negative, or the dimensions' product does not fit in 64 bits (NumPy's "array is too big"; checked over
    /// the nonzero dimensions, as NumPy does, so that <see cref="Size"/> never wraps to a small number).
    /// </exception>
    public Shape(params ReadOnlySpan<int> dims)
    {
        long product = 1;
        foreach (int d in dims)
        {
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dims), $"negative dimensions are not allowed: {Format(dims)}");
            if (d > 1 && product > long.MaxValue / d)
            {
                throw new ArgumentOutOfRangeException(nameof(dims), $"array is too big: shape {Format(dims)} has more elements than a 64-bit size can count");
            }
            if (d > 0) product *= d;
        }
        _dims = dims.IsEmpty ? s_empty : dims.ToArray();
    }

    /// <summary>
    /// A dimension computed in 64 bits (a length times a repeat count, a sum of lengths) as the <see cref="int"/> a shape
    /// holds: NumPy's "array is too big" where it is above <see cref="int.MaxValue"/>, so that no caller's cast wraps to a
    /// small or negative dimension and no backend starts allocating for it.
    /// </summary>
    /// <param name="length">The dimension.</param>
    /// <param name="what">What gives it, for the message (<c>"repeat"</c>, <c>"tile of shape (2, 3) by (4, 5)"</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is negative or above <see cref="int.MaxValue"/>.</exception>
    public static int Dimension(long length, string what)
    {
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), $"negative dimensions are not allowed: {what} gives {length}");
        if (length > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"array is too big: {what} gives a dimension of {length} elements, more than a shape's dimension holds ({int.MaxValue})");
        }
        return (int)length;
    }

    /// <summary>
    /// The 1-d shape <c>(Size,)</c> of the array flattened (<c>ravel</c>, an <c>axis=None</c> scan, sort or take): NumPy's
    /// "array is too big" where the size is above <see cref="int.MaxValue"/> (a broadcast view of 2^32 elements), where a
    /// cast would give a dimension the caller never asked for.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is above <see cref="int.MaxValue"/>.</exception>
    public Shape Flattened()
    {
        long size = Size;
        return size <= int.MaxValue ? new Shape((int)size) : new Shape(Dimension(size, $"flattening an array of shape {this}"));
    }

    /// <summary>Creates a shape from a collection expression, <c>[2, 3]</c>: the same as <see cref="Shape(ReadOnlySpan{int})"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative, or the dimensions' product does not fit in 64 bits.</exception>
    public static Shape Create(ReadOnlySpan<int> dims) => new(dims);

    /// <summary>The shape of a 0-d array, <c>()</c>.</summary>
    public static Shape Scalar => default;

    /// <summary>The dimensions.</summary>
    public ReadOnlySpan<int> Dims => _dims ?? s_empty;

    /// <summary>The number of dimensions.</summary>
    public int Rank => _dims?.Length ?? 0;

    /// <summary>The number of elements (1 for a 0-d array).</summary>
    public long Size
    {
        get
        {
            long size = 1;
            foreach (int d in Dims) size *= d;
            return size;
        }
    }

    /// <summary>The dimension at <paramref name="axis"/>; negative values count from the end.</summary>
    /// <exception cref="AxisOutOfRangeException">The axis is out of range.</exception>
    public int this[int axis] => Dims[NormalizeAxis(axis)];

    /// <summary>The dimension at <paramref name="axis"/>, counted from the end with <c>^</c>: <c>x.Shape[^1]</c> is NumPy's <c>x.shape[-1]</c>.</summary>
    /// <exception cref="AxisOutOfRangeException">The axis is out of range.</exception>
    public int this[Index axis]
    {
        get
        {
            int offset = axis.GetOffset(Rank);
            if ((uint)offset >= (uint)Rank) throw new AxisOutOfRangeException(offset, Rank);
            return Dims[offset];
        }
    }

    /// <summary>The dimensions in <paramref name="axes"/> as a shape: <c>x.Shape[1..]</c> is NumPy's <c>x.shape[1:]</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the shape.</exception>
    public Shape this[Range axes] => new(Dims[axes]);

    int IReadOnlyCollection<int>.Count => Rank;

    /// <summary>Maps a possibly negative axis to <c>[0, Rank)</c>.</summary>
    /// <exception cref="AxisOutOfRangeException">The axis is not in <c>[-Rank, Rank)</c>.</exception>
    public int NormalizeAxis(int axis) => NormalizeAxis(axis, Rank);

    /// <summary>Maps a possibly negative axis to <c>[0, rank)</c>.</summary>
    /// <exception cref="AxisOutOfRangeException">The axis is not in <c>[-rank, rank)</c>.</exception>
    public static int NormalizeAxis(int axis, int rank)
    {
        if (axis < -rank || axis >= rank) throw new AxisOutOfRangeException(axis, rank);
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary>The shape with the dimension at <paramref name="axis"/> removed (or set to 1 with <paramref name="keepDims"/>).</summary>
    public Shape RemoveAxis(int axis, bool keepDims = false)
    {
        axis = NormalizeAxis(axis);
        int[] dims = Dims.ToArray();
        if (keepDims) { dims[axis] = 1; return new Shape(dims); }
        return new Shape([.. dims.AsSpan(0, axis), .. dims.AsSpan(axis + 1)]);
    }

    /// <summary>The C-order (row-major) strides of the shape, in elements.</summary>
    public long[] ContiguousStrides()
    {
        var strides = new long[Rank];
        long stride = 1;
        for (int i = Rank - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= Math.Max(Dims[i], 1);
        }
        return strides;
    }

    /// <summary>NumPy's broadcasting of two shapes.</summary>
    /// <exception cref="ShapeMismatchException">The shapes cannot be broadcast together.</exception>
    public static Shape Broadcast(Shape left, Shape right) =>
        TryBroadcast(left, right, out Shape result)
            ? result
            : throw NumPyErrors.CannotBroadcast(left, right);

    /// <summary>
    /// <paramref name="arrays"/>, refused with NumPy's "need at least one array to <paramref name="verb"/>" when empty: a
    /// call with no arrays has nothing to dispatch on, so the facade checks before dispatching.
    /// </summary>
    internal static NDArray[] AtLeastOneArray(NDArray[] arrays, string verb)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        return arrays.Length == 0 ? throw NoArrays(verb) : arrays;
    }

    private static ArgumentException NoArrays(string verb) => new($"need at least one array to {verb}", "arrays");

    /// <summary>
    /// The shape of NumPy's <c>concatenate</c> of arrays with <paramref name="shapes"/> along <paramref name="axis"/>
    /// (negative counts from the end), with NumPy's errors: no arrays, 0-d arrays, different ranks, or a dimension other
    /// than the axis that differs (the message names the dimension and both array indices; the parameter is
    /// <c>arrays</c>). Every backend's <c>concatenate</c> checks its arguments with this one rule.
    /// </summary>
    /// <param name="shapes">The shapes, in argument order.</param>
    /// <param name="axis">The concatenation axis; normalised on return.</param>
    public static Shape Concatenated(IReadOnlyList<Shape> shapes, ref int axis)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Count == 0) throw NoArrays("concatenate");
        Shape first = shapes[0];
        int rank = first.Rank;
        if (rank == 0) throw new ArgumentException("zero-dimensional arrays cannot be concatenated", "arrays");
        axis = NormalizeAxis(axis, rank);
        long total = 0;
        for (int i = 0; i < shapes.Count; i++)
        {
            Shape s = shapes[i];
            if (s.Rank != rank)
            {
                throw new ShapeMismatchException(
                    $"all the input arrays must have same number of dimensions, but the array at index 0 has {rank} dimension(s) and the array at index {i} has {s.Rank} dimension(s)",
                    "arrays", first, s);
            }
            for (int d = 0; d < rank; d++)
            {
                if (d != axis && s.Dims[d] != first.Dims[d])
                {
                    throw new ShapeMismatchException(
                        $"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {first.Dims[d]} and the array at index {i} has size {s.Dims[d]}",
                        "arrays", first, s);
                }
            }
            total += s.Dims[axis];
        }
        int[] dims = first.ToArray();
        dims[axis] = Dimension(total, $"concatenate along axis {axis}");
        return new Shape(dims);
    }

    /// <summary>
    /// Checks NumPy's <c>stack</c> arguments (at least one array, all of one shape) and returns the new axis, normalised
    /// for the result's rank (<paramref name="axis"/> may count from the end). Every backend's <c>stack</c> checks its
    /// arguments with this one rule, then concatenates the arrays with that axis inserted.
    /// </summary>
    /// <param name="shapes">The shapes, in argument order.</param>
    /// <param name="axis">Where the new axis goes.</param>
    public static int Stacked(IReadOnlyList<Shape> shapes, int axis)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        if (shapes.Count == 0) throw NoArrays("stack");
        for (int i = 1; i < shapes.Count; i++)
        {
            if (shapes[i] != shapes[0]) throw new ShapeMismatchException("all input arrays must have the same shape", "arrays", shapes[0], shapes[i]);
        }
        return NormalizeAxis(axis, shapes[0].Rank + 1);
    }

    /// <summary>NumPy's broadcasting of two shapes; returns <see langword="false"/> when they are incompatible.</summary>
    public static bool TryBroadcast(Shape left, Shape right, out Shape result)
    {
        if (left.Equals(right)) { result = left; return true; }
        // One operand stretching to the other's shape (a scalar, a row against a matrix) needs no new dimensions array.
        if (StretchesTo(right, left)) { result = left; return true; }
        if (StretchesTo(left, right)) { result = right; return true; }
        int rank = Math.Max(left.Rank, right.Rank);
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int l = i < rank - left.Rank ? 1 : left.Dims[i - (rank - left.Rank)];
            int r = i < rank - right.Rank ? 1 : right.Dims[i - (rank - right.Rank)];
            if (l != r && l != 1 && r != 1) { result = default; return false; }
            dims[i] = l == 1 ? r : l;
        }
        result = new Shape(dims);
        return true;
    }

    // Whether broadcasting `from` against `to` gives `to`: every dimension of `from`, aligned at the end, is 1 or equal.
    private static bool StretchesTo(Shape from, Shape to)
    {
        ReadOnlySpan<int> f = from.Dims, t = to.Dims;
        if (f.Length > t.Length) return false;
        int lead = t.Length - f.Length;
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] != 1 && f[i] != t[lead + i]) return false;
        }
        return true;
    }

    /// <summary>Converts an <see cref="int"/> array.</summary>
    public static implicit operator Shape(int[] dims) => new(dims);

    /// <summary>Converts a 1-tuple.</summary>
    public static implicit operator Shape(int n) => new(n);

    /// <summary>Converts a 2-tuple.</summary>
    public static implicit operator Shape((int, int) dims) => new(dims.Item1, dims.Item2);

    /// <summary>Converts a 3-tuple.</summary>
    public static implicit operator Shape((int, int, int) dims) => new(dims.Item1, dims.Item2, dims.Item3);

    /// <summary>The dimensions as a new array.</summary>
    public int[] ToArray() => Dims.ToArray();

    /// <inheritdoc/>
    public bool Equals(Shape other) => Dims.SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int d in Dims) hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>Whether two shapes are equal.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Whether two shapes differ.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Format(Dims);

    /// <summary>Formats dimensions as NumPy prints a shape tuple.</summary>
    public static string Format(ReadOnlySpan<int> dims)
    {
        if (dims.Length == 1) return $"({dims[0]},)";
        var sb = new StringBuilder("(");
        for (int i = 0; i < dims.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(dims[i]);
        }
        return sb.Append(')').ToString();
    }

    /// <inheritdoc/>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_dims ?? s_empty)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
