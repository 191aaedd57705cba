namespace ArrayDispatch;

/// <summary>
/// The NumPy exception an error of a backend stands for, as <see cref="NumPyErrors.Classify"/> reads it: the category
/// the conformance kit and the fixture runner compare across backends.
/// </summary>
public enum NumPyErrorKind
{
    /// <summary>Not one of NumPy's documented errors: a crash or an unexpected exception.</summary>
    Other,

    /// <summary>NumPy's <c>ValueError</c> (<see cref="ArgumentException"/>): a bad value or argument.</summary>
    ValueError,

    /// <summary>
    /// A <c>ValueError</c> about shapes that do not fit together (<see cref="ShapeMismatchException"/>): broadcasting,
    /// matmul's core dimension, concatenation, reshape to another size.
    /// </summary>
    ShapeMismatch,

    /// <summary>NumPy's <c>AxisError</c> (<see cref="AxisOutOfRangeException"/>), a <c>ValueError</c> and an <c>IndexError</c>.</summary>
    AxisError,

    /// <summary>NumPy's <c>LinAlgError</c> (<see cref="LinAlgException"/>): singular or not positive definite, no convergence.</summary>
    LinAlgError,

    /// <summary>NumPy's <c>TypeError</c>/<c>UFuncTypeError</c> (<see cref="DTypeMismatchException"/>): a dtype not accepted.</summary>
    TypeError,

    /// <summary>NumPy's <c>IndexError</c> (<see cref="ArgumentOutOfRangeException"/>): an index out of bounds.</summary>
    IndexError,

    /// <summary>
    /// Not an error of the inputs but a backend declining them (NEP 18's <c>NotImplemented</c>):
    /// <see cref="NoImplementationException"/>, or a documented refusal by design (<see cref="NotSupportedException"/>).
    /// </summary>
    Declined,

    /// <summary>
    /// NumPy's <c>OverflowError</c> (<see cref="OverflowException"/>): a Python integer that does not fit the array's
    /// integer dtype under NEP 50 (<c>uint8_array + 300</c>).
    /// </summary>
    OverflowError,
}
