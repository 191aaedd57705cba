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
    /// Declares that the backend's setting <paramref name="key"/> (under <see cref="Configuration"/>) names another backend
    /// (Chunked's <c>ChunkBackend</c>, Sparse's <c>DenseBackend</c>): the host refuses an unknown name at start-up with the
    /// key's path and the nearest known backend, as it does for <c>DefaultBackend</c>, instead of the first call that uses
    /// it finding the backend missing; a value naming the declaring backend itself is refused the same way.
    /// </summary>
    IBackendBuilder DeclareBackendSetting(string key) => this;

    /// <summary>
    /// <see cref="DeclareBackendSetting(string)"/> with the backend the plugin uses when the setting is not set, which the
    /// host's <c>backends</c> listing shows beside the configured value (<c>ChunkBackend = Dense (default)</c>).
    /// </summary>
    IBackendBuilder DeclareBackendSetting(string key, string defaultValue) => DeclareBackendSetting(key);

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
    /// Registers a handler for <paramref name="function"/> that <paramref name="factory"/> makes when the dispatcher
    /// first resolves a call to <paramref name="function"/> on this backend, not at registration: for a backend that
    /// registers many handlers generic over an op (every ufunc through an <see cref="Ufuncs.IUfuncVisitor{TResult}"/>),
    /// whose compilation would otherwise all happen at start-up. The backend counts as implementing the function from
    /// now on (<c>explain</c>, <c>backends</c>); the factory runs at most once per dispatch table built, and must
    /// return a delegate of the function's <see cref="ArrayFunction.HandlerType"/>.
    /// </summary>
    /// <remarks>The default makes the handler at once (a builder with no deferred registration).</remarks>
    /// <exception cref="ArgumentException">(When the handler is made) it is not of the function's handler type.</exception>
    IBackendBuilder ImplementOnFirstUse(ArrayFunction function, Func<Delegate> factory)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(factory);
        function.ImplementOn(this, factory());
        return this;
    }

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
        ufunc.Function.ImplementOn(builder, Checked(ufunc, handler));
        return builder;
    }

    /// <summary>
    /// Registers every ufunc the protocol declares (<see cref="Ufuncs.Ufunc.All"/>) with the handler
    /// <paramref name="handlers"/> makes for it, each made when the dispatcher first needs it
    /// (<see cref="IBackendBuilder.ImplementOnFirstUse"/>): a visitor's generic methods are compiled per ufunc, and
    /// making all of them at registration cost the host's start-up ~80 compilations per backend (issue #18).
    /// </summary>
    public static IBackendBuilder ImplementUfuncs(this IBackendBuilder builder, Ufuncs.IUfuncVisitor<Delegate> handlers)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handlers);
        foreach (Ufuncs.Ufunc ufunc in Ufuncs.Ufunc.All) builder.ImplementOnFirstUse(ufunc.Function, () => ufunc.Accept(handlers));   // the dispatcher checks the type made
        return builder;
    }

    private static Delegate Checked(Ufuncs.Ufunc ufunc, Delegate? handler) =>
        handler is not null && handler.GetType() == ufunc.Function.HandlerType ? handler : throw new ArgumentException(
            $"the handler of ufunc '{ufunc.Name}' must be an {TypeNames.Of(ufunc.Function.HandlerType)} (got {TypeNames.Of(handler?.GetType())})", nameof(handler));
}
