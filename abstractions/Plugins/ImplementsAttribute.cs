namespace ArrayDispatch.Plugins;

/// <summary>
/// Marks a static method as a backend's implementation of a protocol function, like the <c>@implements(np.sum)</c>
/// decorator of NEP 18. Picked up by <see cref="IBackendBuilder.ImplementFrom"/> once, at load time.
/// </summary>
/// <param name="function">The function's name, e.g. <c>"sum"</c> or <c>"linalg.svd"</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ImplementsAttribute(string function) : Attribute
{
    /// <summary>The function's name.</summary>
    public string Function { get; } = function;
}
