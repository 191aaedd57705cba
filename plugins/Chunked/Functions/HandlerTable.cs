using System.Reflection;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>
/// Registers a handler object's methods by name: every public instance method shaped like an
/// <see cref="ArrayHandler{TArgs, TResult}"/> (<c>(in TArgs, ReadOnlySpan&lt;Type&gt;) → DispatchResult&lt;TResult&gt;</c>)
/// implements the function in the static field of the same name, looked up first on the handler's own type as
/// <c>NameFunction</c> (plugin functions), then on <see cref="ArrayFunctions"/>. A handler method with no such function, or a
/// signature that does not match it, fails registration naming the method, so the table cannot silently miss one.
/// </summary>
internal static class HandlerTable
{
    private static readonly MethodInfo s_implement = typeof(HandlerTable).GetMethod(nameof(Implement), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static void ImplementAll(IBackendBuilder backend, object handlers)
    {
        Type type = handlers.GetType();
        foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!IsHandlerShaped(method)) continue;
            ArrayFunction function = Find(type, method.Name + "Function") ?? Find(typeof(ArrayFunctions), method.Name)
                ?? throw new InvalidOperationException($"{type.Name}.{method.Name} looks like a handler but there is no function '{method.Name}' to implement");
            try
            {
                s_implement.MakeGenericMethod(function.GetType().GetGenericArguments()).Invoke(null, [backend, function, handlers, method]);
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner)
            {
                throw new InvalidOperationException($"{type.Name}.{method.Name} does not have the signature of '{function.Name}''s handler", inner);
            }
        }
    }

    private static bool IsHandlerShaped(MethodInfo method)
    {
        ParameterInfo[] p = method.GetParameters();
        return p.Length == 2 && p[0].ParameterType.IsByRef && p[1].ParameterType == typeof(ReadOnlySpan<Type>)
            && method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(DispatchResult<>);
    }

    private static ArrayFunction? Find(Type type, string field) =>
        type.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ArrayFunction;

    private static void Implement<TArgs, TResult>(IBackendBuilder backend, ArrayFunction<TArgs, TResult> function, object target, MethodInfo method)
        where TArgs : struct, IArrayArgs<TArgs> =>
        backend.Implement(function, method.CreateDelegate<ArrayHandler<TArgs, TResult>>(target));
}
