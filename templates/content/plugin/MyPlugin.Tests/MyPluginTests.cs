using ArrayDispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MyPlugin.Tests;

/// <summary>The backend compiled into a test host (AddBackend), dispatched to through the real dispatcher.</summary>
public sealed class MyPluginTests
{
    [Fact]
    public void Sum_of_a_MyPluginArray_is_answered_by_MyPlugin_and_stays_its_type()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArrayDispatch(new ConfigurationBuilder().Build()).AddBackend(new MyPluginBackend());
        using ServiceProvider provider = services.BuildServiceProvider();
        IArrayApi api = provider.GetRequiredService<IArrayApi>();

        NDArray sum = api.Run(() => Np.Sum(Np.AsArray(new[] { 1.0, 2.0, 3.5 }, backend: "MyPlugin")));

        MyPluginArray mine = Assert.IsType<MyPluginArray>(sum);
        Assert.Equal([6.5], mine.Values);
        Assert.Equal(0, mine.Rank);
    }

    [Fact]
    public void A_dtype_MyPlugin_does_not_declare_is_refused_before_its_handler_runs_naming_the_dtype()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArrayDispatch(new ConfigurationBuilder().Build()).AddBackend(new MyPluginBackend());
        using ServiceProvider provider = services.BuildServiceProvider();
        IArrayApi api = provider.GetRequiredService<IArrayApi>();

        var error = Assert.Throws<NoImplementationException>(() => api.Run(() => Np.Sum(Np.AsArray(new[] { 1.0 }, backend: "MyPlugin"), dtype: DType.Float32)));

        Assert.Contains("float32", error.Message);                    // MyPluginBackend's DeclareDefault: float64 only
    }
}

/// <summary>
/// The conformance kit (ArrayDispatch.Conformance): every function MyPlugin declares runs on drawn inputs beside the
/// Dense reference; MyPlugin must give Dense's values and NumPy's errors, or decline.
/// </summary>
public sealed class MyPluginConformance : ArrayDispatch.Conformance.BackendConformanceTests
{
    protected override string Backend => "MyPlugin";

    protected override ArrayDispatch.Plugins.IArrayBackendPlugin[] Plugins => [new MyPluginBackend()];

    // MyPluginArray holds 1-d float64 only, so it declines the kit's own asarray case (another shape); every other case
    // reaches MyPlugin through asarray, which checks it there. Remove this once your arrays take any shape.
    protected override bool MustAnswer(string function) => function != "asarray";
}
