using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Register_DeclaresEveryHandlerOfTheTable_AndTheFunctionFamilies()
    {
        using TestHost host = EndToEnd.ChunkedHost.Create();
        IReadOnlyCollection<string> declared = host.Dispatcher.FunctionsOf("Chunked");
        string[] expected =
        [
            "asarray", "full", "empty", "arange", "eye", "random", "astype", "copy", "full_like",
            "sum", "prod", "min", "max", "any", "all", "count_nonzero", "nansum", "mean", "nanmean", "var", "std",
            "argmin", "argmax", "cumsum", "cumprod",
            "reshape", "transpose", "squeeze", "expand_dims", "concatenate", "stack", "getitem",
            "matmul", "dot", "tensordot", "linalg.qr", "linalg.svd", "linalg.solve", "linalg.lstsq", "compute", "visualize",
            "chunked.rechunk", "chunked.linalg.svd_compressed", "chunked.from_npy",
            "negative", "sqrt", "isnan", "add", "maximum", "logical_or", "where", "clip",
        ];
        expected.Where(f => !declared.Contains(f)).ShouldBeEmpty();
    }

    [Fact]
    public void ImplementFrom_a_handler_object_with_an_unknown_function_fails_naming_the_method()
    {
        IBackendBuilder builder = new RecordingBuilder();
        var ex = Should.Throw<InvalidOperationException>(() => builder.ImplementFrom(new Misnamed()));
        ex.Message.ShouldContain("Misnamed.Summ");
        ex.Message.ShouldContain("'summ'");
    }

    [Fact]
    public void ImplementFrom_a_handler_object_registers_its_marked_instance_methods_only()
    {
        var builder = new RecordingBuilder();
        ((IBackendBuilder)builder).ImplementFrom(new Named());
        builder.Implemented.ShouldBe(["sum"]);
    }

    [Fact]
    public void An_unknown_scheduler_is_refused_naming_the_key()
    {
        var builder = new RecordingBuilder { Configuration = Section("Scheduler", "Ray") };
        Should.Throw<ArgumentException>(() => new ChunkedPlugin().Register(builder)).Message.ShouldStartWith("ArrayDispatch:Backends:Chunked:Scheduler: 'Ray' is not a scheduler; use Local or Orleans");
    }

    [Theory]
    [InlineData("Optimize", "maybe", "'maybe' is not a boolean; use true or false")]
    [InlineData("RecycleChunks", "yes", "'yes' is not a boolean; use true or false")]
    [InlineData("SplitEvery", "1", "'1' is not an integer of at least 2")]
    [InlineData("MaxDegreeOfParallelism", "many", "'many' is not an integer of at least 0")]
    public void A_setting_of_the_wrong_type_is_refused_naming_its_full_key(string key, string value, string message)
    {
        // Optimize and RecycleChunks took anything but "false" as true: 'maybe' switched nothing off, silently.
        var builder = new RecordingBuilder { Configuration = Section(key, value) };
        Should.Throw<ArgumentException>(() => new ChunkedPlugin().Register(builder)).Message.ShouldBe($"ArrayDispatch:Backends:Chunked:{key}: {message} (Parameter '{key}')");
    }

    [Fact]
    public void An_unknown_chunk_backend_is_refused_at_start_up_naming_the_key()
    {
        // ChunkBackend=Nope started, and the first chunk made failed with "no implementation found for 'full' on types []".
        var ex = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Chunked:ChunkBackend"] = "Dens" }, new ArrayDispatch.Dense.DensePlugin(), new ChunkedPlugin());
            Np.Zeros([2], backend: "Chunked");
        });
        ex.Failures.ShouldBe(["ArrayDispatch:Backends:Chunked:ChunkBackend: unknown backend 'Dens'. Known backends: Chunked, Dense. Did you mean 'Dense'?"]);
    }

    [Theory]
    [InlineData("Chunked", "ChunkBackend")]
    [InlineData("Sparse", "DenseBackend")]
    public void A_backend_setting_naming_the_backend_itself_is_refused_at_start_up(string backend, string key)
    {
        // ChunkBackend=Chunked started, and the first chunk made overflowed the stack (the process ended); Sparse's
        // DenseBackend=Sparse gave a sparse result where a dense one was asked for.
        var ex = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            using TestHost host = TestHost.Create(new Dictionary<string, string?> { [$"ArrayDispatch:Backends:{backend}:{key}"] = backend },
                new ArrayDispatch.Dense.DensePlugin(), new ChunkedPlugin(), new ArrayDispatch.Sparse.SparsePlugin());
            Np.Zeros([2], backend: "Chunked");
        });
        string others = string.Join(", ", new[] { "Chunked", "Dense", "Sparse" }.Where(b => b != backend));
        ex.Failures.ShouldBe([$"ArrayDispatch:Backends:{backend}:{key}: '{backend}' is the backend itself; this setting names another backend. Other backends: {others}."]);
    }

    private static IConfiguration Section(string key, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new($"ArrayDispatch:Backends:Chunked:{key}", value)]).Build().GetSection("ArrayDispatch:Backends:Chunked");

    private sealed class Misnamed
    {
        [Implements("summ")]
        public DispatchResult<NDArray> Summ(in ReductionArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;
    }

    private sealed class Named
    {
        [Implements("sum")]
        public DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;

        public int NotAHandler(int x) => x;
    }

    private sealed class RecordingBuilder : IBackendBuilder
    {
        public List<string> Implemented { get; } = [];
        public string Name => "Test";
        public IServiceCollection Services { get; } = new ServiceCollection();
        public IConfiguration Configuration { get; init; } = new ConfigurationBuilder().Build();
        public ILogger Logger => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public IArrayDispatcher Dispatcher => throw new NotSupportedException();
        public IBackendBuilder AddArrayType<TArray>() where TArray : NDArray => this;
        public IBackendBuilder ImplementFrom(Type type) => throw new NotSupportedException();

        public IBackendBuilder Implement<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, ArrayHandler<TArgs, TResult> handler)
            where TArgs : struct, IArrayArgs<TArgs>
        {
            Implemented.Add(function.Name);
            return this;
        }
    }
}
