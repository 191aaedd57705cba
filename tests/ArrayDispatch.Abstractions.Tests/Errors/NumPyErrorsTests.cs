using ArrayDispatch.Dispatch;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Errors;

/// <summary>The one mapping from exceptions to NumPy's error categories, through the wrappers errors arrive in.</summary>
public sealed class NumPyErrorsTests
{
    public static TheoryData<Exception, NumPyErrorKind> Documented => new()
    {
        { new ArgumentException("Integers to negative integer powers are not allowed.", "x2"), NumPyErrorKind.ValueError },
        { new ShapeMismatchException("operands could not be broadcast together with shapes (3,4) (5,)"), NumPyErrorKind.ShapeMismatch },
        { new AxisOutOfRangeException(3, 2), NumPyErrorKind.AxisError },
        { new LinAlgException("Singular matrix"), NumPyErrorKind.LinAlgError },
        { new DTypeMismatchException("ufunc 'sign' did not contain a loop with signature matching types bool"), NumPyErrorKind.TypeError },
        { new ArgumentOutOfRangeException("index", "index 7 is out of bounds for axis 0 with size 4"), NumPyErrorKind.IndexError },
        { new NoImplementationException("sum", [typeof(object)], [new Decline("Gpu", "returned NotImplemented")], []), NumPyErrorKind.Declined },
        { new NotSupportedException("would densify"), NumPyErrorKind.Declined },
        { new NullReferenceException(), NumPyErrorKind.Other },
        { new IndexOutOfRangeException(), NumPyErrorKind.Other },
        { new InvalidOperationException("task 'x' failed"), NumPyErrorKind.Other },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void Each_exception_has_its_category(Exception error, NumPyErrorKind kind) => NumPyErrors.Classify(error).ShouldBe(kind);

    [Fact]
    public void Wrappers_are_seen_through_to_the_first_documented_exception()
    {
        var singular = new LinAlgException("Singular matrix");
        var call = new BackendCallException("linalg.solve", "Dense", singular);
        var task = new InvalidOperationException("task ('solve-1', 0) failed: " + call.Message, call);   // as Chunked's ChunkTaskException

        NumPyErrors.Classify(call).ShouldBe(NumPyErrorKind.LinAlgError);
        NumPyErrors.Classify(task).ShouldBe(NumPyErrorKind.LinAlgError);
        NumPyErrors.Find(task).ShouldBeSameAs(singular);
        NumPyErrors.Classify(new AggregateException(task)).ShouldBe(NumPyErrorKind.LinAlgError);
        NumPyErrors.Find(new BackendCallException("sum", "Gpu", new NullReferenceException())).ShouldBeOfType<NullReferenceException>();
    }

    [Fact]
    public void A_decline_wrapped_in_a_call_is_still_a_decline()
    {
        var declined = new BackendCallException("exp", "Sparse", new NotSupportedException("exp(0) = 1: the result would be dense"));
        NumPyErrors.Classify(declined).ShouldBe(NumPyErrorKind.Declined);
    }

    [Theory]
    [InlineData(NumPyErrorKind.ValueError, "ValueError")]
    [InlineData(NumPyErrorKind.ShapeMismatch, "ValueError")]
    [InlineData(NumPyErrorKind.AxisError, "AxisError")]
    [InlineData(NumPyErrorKind.LinAlgError, "LinAlgError")]
    [InlineData(NumPyErrorKind.IndexError, "IndexError")]
    [InlineData(NumPyErrorKind.TypeError, "TypeError")]
    public void Each_category_has_NumPys_name_and_is_an_instance_of_it(NumPyErrorKind kind, string name)
    {
        NumPyErrors.NumPyName(kind).ShouldBe(name);
        NumPyErrors.IsInstanceOf(kind, name).ShouldBeTrue();
    }

    [Fact]
    public void Too_many_indices_is_NumPys_IndexError()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => ArrayIndex.ThrowIfTooMany(3, 2));
        ex.Message.ShouldStartWith("too many indices for array: array is 2-dimensional, but 3 were indexed");
        NumPyErrors.Classify(ex).ShouldBe(NumPyErrorKind.IndexError);
        ArrayIndex.ThrowIfTooMany(2, 2);
    }
}
