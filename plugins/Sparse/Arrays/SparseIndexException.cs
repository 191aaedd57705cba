namespace ArrayDispatch.Sparse;

/// <summary>An index array given to build a sparse array holds a value outside its axis, or an <c>indptr</c> that is not a valid row pointer.</summary>
public sealed class SparseIndexException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="array">The argument at fault, e.g. <c>"indices"</c>.</param>
    /// <param name="position">The position in it.</param>
    /// <param name="value">The value found there.</param>
    /// <param name="message">The NumPy-style message.</param>
    public SparseIndexException(string array, long position, long value, string message) : base(message, array)
    {
        Array = array;
        Position = position;
        Value = value;
    }

    /// <summary>The name of the index array at fault (<c>"indices"</c>, <c>"indptr"</c>, <c>"row"</c>, <c>"col"</c>, <c>"coords[1]"</c>).</summary>
    public string Array { get; }

    /// <summary>The position of the bad entry.</summary>
    public long Position { get; }

    /// <summary>The bad value.</summary>
    public long Value { get; }

    /// <inheritdoc/>
    public override string Message => base.Message.Split(" (Parameter")[0];
}
