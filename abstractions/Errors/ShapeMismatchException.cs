namespace ArrayDispatch;

/// <summary>Shapes that do not fit together (NumPy's <c>ValueError</c> for shapes). The message names the shapes and the argument.</summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, NumPy style: <c>operands could not be broadcast together with shapes (3, 4) (5,)</c>.</param>
    /// <param name="shapes">The shapes involved, in argument order.</param>
    public ShapeMismatchException(string message, params Shape[] shapes) : base(message) => Shapes = shapes;

    /// <summary>Creates the exception naming the argument at fault.</summary>
    public ShapeMismatchException(string message, string? paramName, params Shape[] shapes) : base(message, paramName) => Shapes = shapes;

    /// <summary>The shapes involved, in argument order.</summary>
    public IReadOnlyList<Shape> Shapes { get; }

    /// <inheritdoc/>
    public override string Message => ParamName is null ? base.Message.Split(" (Parameter")[0] : base.Message;
}

/// <summary>An axis outside <c>[-rank, rank)</c> (NumPy's <c>AxisError</c>).</summary>
public sealed class AxisOutOfRangeException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception.</summary>
    public AxisOutOfRangeException(int axis, int rank)
        : base("axis", axis, $"axis {axis} is out of bounds for array of dimension {rank}")
    {
        Axis = axis;
        Rank = rank;
    }

    /// <summary>The axis given.</summary>
    public int Axis { get; }

    /// <summary>The rank of the array.</summary>
    public int Rank { get; }

    /// <inheritdoc/>
    public override string Message => $"axis {Axis} is out of bounds for array of dimension {Rank}";
}

/// <summary>A dtype that a function does not accept, or a cast that the casting rule forbids (NumPy's <c>TypeError</c>/<c>UFuncTypeError</c>).</summary>
public sealed class DTypeMismatchException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DTypeMismatchException(string message, string? paramName = null) : base(message, paramName) { }

    /// <inheritdoc/>
    public override string Message => base.Message.Split(" (Parameter")[0];
}

/// <summary>A linear-algebra failure: a singular matrix, a matrix that is not positive definite, no convergence (NumPy's <c>LinAlgError</c>).</summary>
public sealed class LinAlgException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public LinAlgException(string message) : base(message) { }
}
