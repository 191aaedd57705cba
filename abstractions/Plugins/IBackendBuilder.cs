using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Plugins;

/// <summary>What a plugin's <see cref="IArrayBackendPlugin.Register"/> receives: where it declares its types, functions and services.</summary>
public interface IBackendBuilder
{
    /// <summary>The backend's name.</summary>
    string Name { get; }

    /// <summary>
    /// A scratch service collection: the host merges it into its container only when <see cref="IArrayBackendPlugin.Register"/>
    /// returns normally, and refuses descriptors that would replace host services.
    /// </summary>
    IServiceCollection Services { get; }

    /// <summary>The plugin's configuration section, <c>Backends:&lt;Name&gt;</c>.</summary>
    IConfiguration Configuration { get; }

    /// <summary>A logger for the plugin.</summary>
    ILogger Logger { get; }

    /// <summary>The dispatcher the plugin's arrays are dispatched through, for handlers that call back into the protocol.</summary>
    IArrayDispatcher Dispatcher { get; }

    /// <summary>Declares that the backend owns <typeparamref name="TArray"/> (and its subclasses that no other backend owns).</summary>
    IBackendBuilder AddArrayType<TArray>() where TArray : NDArray;

    /// <summary>
    /// Declares that the backend handles only calls whose relevant arguments are all of types it owns: the dispatcher
    /// applies NEP 18's check (what <c>ndarray.__array_function__</c> does once for NumPy) before calling any of its
    /// handlers, so they need not repeat <c>types.AllAre&lt;T&gt;()</c>. A backend that also takes other arrays (host-resident
    /// ones, say) does not call this and checks in its handlers.
    /// </summary>
    IBackendBuilder OnlyOwnArrayTypes() => this;

    /// <summary>
    /// Declares what the backend takes for <paramref name="function"/>: its dtypes, <c>out=</c>, nonzero fills. The
    /// dispatcher checks calls against it before calling the handler, <c>explain</c> shows it, and other backends read it
    /// (<see cref="IArrayDispatcher.SupportOf"/>). Without a declaration a function takes what
    /// <see cref="DeclareDefault"/> says, or everything. The last declaration for a function wins.
    /// </summary>
    IBackendBuilder Declare(ArrayFunction function, FunctionSupport support) => this;

    /// <summary>
    /// What every function the backend implements takes unless <see cref="Declare"/> says otherwise (a backend that
    /// stores no complex numbers: <c>DeclareDefault(new() { DTypes = DTypeSet.Real })</c>).
    /// </summary>
    IBackendBuilder DeclareDefault(FunctionSupport support) => this;

    /// <summary>Registers a handler for <paramref name="function"/> (the explicit form of <see cref="ImplementsAttribute"/>).</summary>
    IBackendBuilder Implement<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, ArrayHandler<TArgs, TResult> handler)
        where TArgs : struct, IArrayArgs<TArgs>;

    /// <summary>
    /// Registers every static method of <paramref name="type"/> marked <see cref="ImplementsAttribute"/>. Each must have
    /// the signature of its function's <see cref="ArrayHandler{TArgs, TResult}"/>; a mismatch is reported now, naming the
    /// method and the expected signature.
    /// </summary>
    IBackendBuilder ImplementFrom(Type type);

    /// <summary>
    /// Registers every method of <paramref name="handlers"/> marked <see cref="ImplementsAttribute"/>, instance methods
    /// bound to the object (so each registration, each host, has its own options and state) and static ones alike;
    /// the same checks as <see cref="ImplementFrom(Type)"/>.
    /// </summary>
    IBackendBuilder ImplementFrom(object handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ImplementsScanner.Register(this, handlers.GetType(), handlers, message => new InvalidOperationException(message));
        return this;
    }
}

/// <summary>Extension methods for <see cref="IBackendBuilder"/>.</summary>
public static class BackendBuilderExtensions
{
    /// <summary>Registers every <see cref="ImplementsAttribute"/> method of <typeparamref name="T"/>.</summary>
    public static IBackendBuilder ImplementFrom<T>(this IBackendBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ImplementFrom(typeof(T));
    }

    /// <summary>
    /// Registers a ufunc's handler as an <see cref="Ufuncs.IUfuncVisitor{TResult}"/> of <see cref="Delegate"/> makes it:
    /// an <see cref="ArrayHandler{TArgs, TResult}"/> of <see cref="BinaryArgs"/> for a binary ufunc, of
    /// <see cref="UnaryArgs"/> for a unary one (both returning <see cref="NDArray"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The handler's type is not the ufunc's handler type.</exception>
    public static IBackendBuilder Implement(this IBackendBuilder builder, Ufuncs.Ufunc ufunc, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(ufunc);
        ArgumentNullException.ThrowIfNull(handler);
        return (ufunc, handler) switch
        {
            (Ufuncs.BinaryUfunc binary, ArrayHandler<BinaryArgs, NDArray> h) => builder.Implement(binary.Function, h),
            (Ufuncs.UnaryUfunc unary, ArrayHandler<UnaryArgs, NDArray> h) => builder.Implement(unary.Function, h),
            _ => throw new ArgumentException(
                $"the handler of ufunc '{ufunc.Name}' must be an ArrayHandler<{(ufunc is Ufuncs.BinaryUfunc ? "BinaryArgs" : "UnaryArgs")}, NDArray> (got {handler.GetType().Name})", nameof(handler)),
        };
    }
}
