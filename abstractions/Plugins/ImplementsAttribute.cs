namespace ArrayDispatch.Plugins;

/// <summary>
/// Marks a method as a backend's implementation of a protocol function, like the <c>@implements(np.sum)</c> decorator
/// of NEP 18. Picked up once, at load time, by <see cref="IBackendBuilder.ImplementFrom(Type)"/> (static methods of a
/// class) or <see cref="IBackendBuilder.ImplementFrom(object)"/> (the methods of a handler object, instance ones bound to it).
/// </summary>
/// <param name="function">The function's name, e.g. <c>"sum"</c> or <c>"linalg.svd"</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ImplementsAttribute(string function) : Attribute
{
    /// <summary>The function's name.</summary>
    public string Function { get; } = function;
}
