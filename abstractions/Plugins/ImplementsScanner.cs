using System.Reflection;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Plugins;

/// <summary>
/// The one reading of <see cref="ImplementsAttribute"/>: every marked method of a type (static ones, and instance ones
/// bound to a handler object) becomes the typed handler of its function. Reflection runs here, once per plugin load;
/// the dispatch path sees only the delegates made from it.
/// </summary>
internal static class ImplementsScanner
{
    /// <summary>Registers the marked methods of <paramref name="type"/>; instance methods only when <paramref name="target"/> is given.</summary>
    /// <param name="builder">The backend's builder.</param>
    /// <param name="type">The type whose methods are read.</param>
    /// <param name="target">The handler object instance methods are bound to, or null for static methods only.</param>
    /// <param name="error">Makes the exception for a method that cannot implement its function (the host's names the plugin).</param>
    /// <param name="nearest">The catalogue name nearest a misspelt one, for the error's hint (the host's matcher), or null.</param>
    public static void Register(IBackendBuilder builder, Type type, object? target, Func<string, Exception> error, Func<string, string?>? nearest = null)
    {
        BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | (target is null ? 0 : BindingFlags.Instance);
        foreach (MethodInfo method in type.GetMethods(flags))
        {
            foreach (ImplementsAttribute attribute in method.GetCustomAttributes<ImplementsAttribute>())
            {
                if (!FunctionCatalog.TryGet(attribute.Function, out ArrayFunction function))
                {
                    if (ComposedFunctions.TryGet(attribute.Function, out ComposedFunction? composed))
                    {
                        // NumPy defines it from other functions, and so does the protocol: no backend handles it as a
                        // whole, and every backend with its parts serves it.
                        throw error($"{type.Name}.{method.Name} implements '{attribute.Function}', which is a composition ({composed.Member}, built from {string.Join(", ", composed.Requires.Select(f => f.Name).Distinct())}), not a catalogue function: no backend handles it as a whole; implement the functions it calls and it serves your arrays");
                    }
                    string? near = nearest?.Invoke(attribute.Function);
                    throw error($"{type.Name}.{method.Name} implements unknown function '{attribute.Function}'{(near is null ? "" : $"; did you mean '{near}'?")}");
                }
                Delegate handler = (method.IsStatic
                        ? Delegate.CreateDelegate(function.HandlerType, method, throwOnBindFailure: false)
                        : Delegate.CreateDelegate(function.HandlerType, target!, method, throwOnBindFailure: false))
                    ?? throw error(
                        $"{type.Name}.{method.Name} cannot implement '{function.Name}': expected {(method.IsStatic ? "static " : "")}DispatchResult<{function.ResultType.Name}> {method.Name}(in {function.ArgsType.Name} args, ReadOnlySpan<Type> types)");
                // Registered as made already rather than through the typed Implement<TArgs, TResult>: a generic
                // method over the args struct is compiled per function (~40 in the host's start-up, issue #18), and
                // the delegate's type was checked by CreateDelegate above.
                builder.ImplementOnFirstUse(function, () => handler);
            }
        }
    }
}
