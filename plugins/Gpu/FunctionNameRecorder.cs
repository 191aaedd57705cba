using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrayDispatch.Gpu;

/// <summary>A builder that only notes which functions a registration implements: the backend's list, without a host.</summary>
internal sealed class FunctionNameRecorder : IBackendBuilder
{
    private readonly List<string> _names = [];

    /// <summary>The names of the functions <paramref name="register"/> implements, in registration order.</summary>
    public static IReadOnlyList<string> Record(Action<IBackendBuilder> register)
    {
        var recorder = new FunctionNameRecorder();
        register(recorder);
        return recorder._names.Distinct().ToArray();
    }

    public string Name => "Gpu";

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration => throw new InvalidOperationException("recording a registration reads no configuration");

    public ILogger Logger => NullLogger.Instance;

    public IArrayDispatcher Dispatcher => throw new InvalidOperationException("recording a registration has no dispatcher");

    public IBackendBuilder AddArrayType<TArray>() where TArray : NDArray => this;

    public IBackendBuilder Implement<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, ArrayHandler<TArgs, TResult> handler)
        where TArgs : struct, IArrayArgs<TArgs>
    {
        _names.Add(function.Name);
        return this;
    }

    public IBackendBuilder ImplementFrom(Type type) => throw new NotSupportedException("the Gpu backend registers its handlers explicitly");
}
