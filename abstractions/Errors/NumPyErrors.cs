namespace ArrayDispatch;

/// <summary>
/// The one mapping from .NET exceptions to NumPy's error categories. The conformance kit (a backend raises what Dense
/// raises) and the fixture runner (a backend raises what NumPy raised) both read it, so every backend is held to the same
/// rule.
/// </summary>
/// <remarks>
/// An error reaches the caller wrapped: in <see cref="BackendCallException"/> by the dispatcher, in a lazy backend's task
/// exception at compute time (Chunked's <c>ChunkTaskException</c>), in <see cref="AggregateException"/> from parallel
/// loops. None of those wrappers is a documented kind, so <see cref="Find"/> walks down the inner exceptions to the first
/// exception that is one, and the wrappers are seen through without being known here.
/// </remarks>
public static class NumPyErrors
{
    /// <summary>
    /// NumPy's ValueError for a reduction with no identity (<c>max</c>, <c>argmin</c>, a norm's maximum, …) over an empty
    /// axis: "zero-size array to reduction operation <paramref name="operation"/> which has no identity". Every backend
    /// raises it with this text, so the conformance kit and the fixtures compare one message.
    /// </summary>
    /// <param name="operation">NumPy's name of the reduction (<c>maximum</c>, <c>minimum</c>, <c>argmax</c>, …).</param>
    /// <param name="paramName">The argument that is empty (<c>x</c> for the reduced array), or null.</param>
    public static ArgumentException EmptyReduction(string operation, string? paramName = "x") =>
        new($"zero-size array to reduction operation {operation} which has no identity", paramName);

    /// <summary>
    /// NumPy's MemoryError for an allocation that cannot be made, naming its size as NumPy does ("Unable to allocate
    /// 7.45 GiB for an array of 1000000000 elements of 8 bytes"), where .NET says only "Insufficient memory" or throws an
    /// OverflowException; <paramref name="reason"/> says why when it is a limit rather than the memory left.
    /// </summary>
    /// <param name="length">The number of elements asked for.</param>
    /// <param name="elementSize">The bytes of one element.</param>
    /// <param name="reason">The limit the request passes (<c>more elements than a .NET array holds (2147483591)</c>), or null.</param>
    /// <param name="inner">The runtime's own exception, or null.</param>
    public static OutOfMemoryException CannotAllocate(long length, int elementSize, string? reason = null, Exception? inner = null) =>
        new($"Unable to allocate {length * (double)elementSize / (1L << 30):0.##} GiB for an array of {length} elements of {elementSize} bytes{(reason is null ? "" : $": {reason}")}", inner);

    /// <summary>
    /// NumPy's ValueError for a write into a read-only array (a <c>broadcast_to</c> view and its views, whose elements
    /// alias): "<paramref name="what"/> is read-only" — <c>assignment destination</c> for setitem, <c>output array</c> for
    /// a ufunc's <c>out=</c>.
    /// </summary>
    public static ArgumentException ReadOnly(string what) => new($"{what} is read-only");

    /// <summary>
    /// NumPy's ValueError for an assignment whose value does not broadcast to the assigned region (<c>x[...] = value</c>,
    /// <c>copyto</c>): "could not broadcast input array from shape (3,) into shape (2, 4)".
    /// </summary>
    public static ShapeMismatchException CannotBroadcastInput(Shape value, Shape target) =>
        new($"could not broadcast input array from shape {ShapeText(value)} into shape {ShapeText(target)}", value, target);

    /// <summary>
    /// NumPy's IndexError for index arrays whose shapes do not broadcast together (<c>x[i, j]</c>):
    /// "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)".
    /// </summary>
    public static ShapeMismatchException IndexArraysNotBroadcast(IReadOnlyList<Shape> shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        return new("shape mismatch: indexing arrays could not be broadcast together with shapes " + string.Join(" ", shapes.Select(ShapeText)), [.. shapes]);
    }

    /// <summary>
    /// NumPy's ValueError for operands whose shapes do not broadcast, naming every operand's shape as NumPy does (a scalar
    /// as <c>()</c>): "operands could not be broadcast together with shapes (3,4) (5,)".
    /// </summary>
    public static ShapeMismatchException CannotBroadcast(params Shape[] shapes) =>
        new($"operands could not be broadcast together with shapes {string.Join(" ", shapes.Select(ShapeText))}", shapes);

    /// <summary>
    /// A shape as NumPy writes it in its error messages (<c>convert_shape_to_string</c>): <c>(3,4)</c>, <c>(5,)</c>,
    /// <c>()</c>, without the spaces of a shape's own text (NumPy's messages also end in a space, left out here).
    /// </summary>
    public static string ShapeText(Shape shape) => shape.Rank switch
    {
        0 => "()",
        1 => $"({shape.Dims[0]},)",
        _ => $"({string.Join(",", shape.Dims.ToArray())})",
    };

    /// <summary>NumPy's IndexError for an index outside an axis: "index 7 is out of bounds for axis 0 with size 4".</summary>
    public static ArgumentOutOfRangeException IndexOutOfBounds(long index, int axis, long size) =>
        new("index", $"index {index} is out of bounds for axis {axis} with size {size}");

    /// <summary>The category of <paramref name="error"/>: that of the first documented exception down its inner-exception chain.</summary>
    public static NumPyErrorKind Classify(Exception error) => Own(Find(error));

    /// <summary>
    /// The exception NumPy's error corresponds to: the first down the inner-exception chain whose category is documented
    /// (not <see cref="NumPyErrorKind.Other"/>); <paramref name="error"/> itself, stripped of a
    /// <see cref="BackendCallException"/>, when none is.
    /// </summary>
    public static Exception Find(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (Exception? e = error; e is not null; e = Inner(e))
        {
            if (Own(e) != NumPyErrorKind.Other) return e;
        }
        return error is BackendCallException { InnerException: { } inner } ? inner : error;
    }

    /// <summary>NumPy's name of <paramref name="kind"/>: <c>ValueError</c>, <c>AxisError</c>, … (a shape mismatch is a <c>ValueError</c>).</summary>
    public static string NumPyName(NumPyErrorKind kind) => kind switch
    {
        NumPyErrorKind.ValueError or NumPyErrorKind.ShapeMismatch => "ValueError",
        NumPyErrorKind.AxisError => "AxisError",
        NumPyErrorKind.LinAlgError => "LinAlgError",
        NumPyErrorKind.TypeError => "TypeError",
        NumPyErrorKind.IndexError => "IndexError",
        NumPyErrorKind.Declined => "NotImplemented",
        NumPyErrorKind.OverflowError => "OverflowError",
        _ => "an undocumented error",
    };

    /// <summary>
    /// Whether an error of <paramref name="kind"/> is an instance of NumPy's exception class <paramref name="numPyName"/>
    /// (as <c>except ValueError:</c> would catch it), following NumPy's hierarchy: <c>AxisError</c> is a
    /// <c>ValueError</c> and an <c>IndexError</c>; <c>LinAlgError</c> and every shape error are <c>ValueError</c>s. A name
    /// NumPy has but the mapping does not (e.g. <c>MemoryError</c>) accepts any documented kind.
    /// </summary>
    public static bool IsInstanceOf(NumPyErrorKind kind, string numPyName) => numPyName switch
    {
        "ValueError" => kind is NumPyErrorKind.ValueError or NumPyErrorKind.ShapeMismatch or NumPyErrorKind.AxisError or NumPyErrorKind.LinAlgError,
        "AxisError" => kind is NumPyErrorKind.AxisError,
        "LinAlgError" => kind is NumPyErrorKind.LinAlgError,
        "IndexError" => kind is NumPyErrorKind.IndexError or NumPyErrorKind.AxisError,
        "TypeError" or "UFuncTypeError" => kind is NumPyErrorKind.TypeError,
        "OverflowError" => kind is NumPyErrorKind.OverflowError,
        _ => kind is not NumPyErrorKind.Other and not NumPyErrorKind.Declined,
    };

    // The category of this exception alone, without looking inside. Order matters: the specific types first.
    private static NumPyErrorKind Own(Exception e) => e switch
    {
        NoImplementationException or NotSupportedException => NumPyErrorKind.Declined,
        AxisOutOfRangeException => NumPyErrorKind.AxisError,
        ShapeMismatchException => NumPyErrorKind.ShapeMismatch,
        DTypeMismatchException => NumPyErrorKind.TypeError,
        LinAlgException => NumPyErrorKind.LinAlgError,
        OverflowException => NumPyErrorKind.OverflowError,
        ArgumentOutOfRangeException => NumPyErrorKind.IndexError,
        ArgumentException => NumPyErrorKind.ValueError,
        _ => NumPyErrorKind.Other,
    };

    private static Exception? Inner(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException;
}
