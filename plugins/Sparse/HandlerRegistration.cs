using System.Reflection;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Sparse;

/// <summary>
/// Registers the <see cref="ImplementsAttribute"/> methods of a handler object. The handlers are instance methods so that
/// each registration (each host) has its own options and dispatcher; reflection runs once, at load time.
/// </summary>
internal static class HandlerRegistration
{
    private static readonly MethodInfo s_implement = typeof(IBackendBuilder).GetMethod(nameof(IBackendBuilder.Implement))!;

    /// <summary>Registers every marked method of <paramref name="handlers"/>; returns how many.</summary>
    /// <exception cref="InvalidOperationException">A function name is unknown or a method does not have the handler signature.</exception>
    public static int Register(IBackendBuilder builder, object handlers)
    {
        int count = 0;
        foreach (MethodInfo method in handlers.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            foreach (ImplementsAttribute attribute in method.GetCustomAttributes<ImplementsAttribute>())
            {
                if (!FunctionCatalog.TryGet(attribute.Function, out ArrayFunction function))
                {
                    throw new InvalidOperationException($"{handlers.GetType().Name}.{method.Name} implements '{attribute.Function}', which no catalogue defines. This is a bug in ArrayDispatch; please report it.");
                }
                Delegate handler = Delegate.CreateDelegate(function.HandlerType, handlers, method, throwOnBindFailure: false)
                    ?? throw new InvalidOperationException(
                        $"{handlers.GetType().Name}.{method.Name} implements '{function.Name}' but does not have the signature DispatchResult<{function.ResultType.Name}> (in {function.ArgsType.Name} args, ReadOnlySpan<Type> types). This is a bug in ArrayDispatch; please report it.");
                s_implement.MakeGenericMethod(function.ArgsType, function.ResultType).Invoke(builder, [function, handler]);
                count++;
            }
        }
        return count;
    }
}
