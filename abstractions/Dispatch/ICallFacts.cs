namespace ArrayDispatch.Dispatch;

// What a call asks for beyond the dtypes of its relevant arrays, read by the dispatcher to check a backend's declared
// FunctionSupport before calling it. An argument record implements the ones that apply to it; each is one property.

/// <summary>Arguments that may carry NumPy's <c>out=</c>.</summary>
public interface IOutArgs
{
    /// <summary>The array to write the result into, or <see langword="null"/>.</summary>
    NDArray? Out { get; }
}

/// <summary>Arguments that name the dtype of the result (creation functions, <c>astype</c>).</summary>
public interface ITargetDTypeArgs
{
    /// <summary>The dtype asked for, or <see langword="null"/> when it follows from the other arguments.</summary>
    DType? TargetDType { get; }
}

/// <summary>Arguments of a creation function that fills the new array with one value (<c>full</c>, <c>full_like</c>).</summary>
public interface IFillArgs
{
    /// <summary>The fill value.</summary>
    Scalar Fill { get; }
}
