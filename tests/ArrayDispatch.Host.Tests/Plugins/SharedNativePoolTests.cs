using System.Runtime.Loader;
using ArrayDispatch.Memory;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// The native-buffer pool is the protocol's: plugins loaded from their folders resolve the abstractions assembly to the
/// host's copy, so every backend rents from one process-wide pool (one capacity, one memory-pressure account).
/// </summary>
public sealed class SharedNativePoolTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Dense", "Sparse");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Plugins_loaded_from_their_folders_rent_from_the_host_s_native_pool()
    {
        using TestHost host = _plugins.Host();
        long rents = NativePool.Counters.Rents;
        using NDArray dense = Np.Zeros(2_000_003, backend: "Dense");       // 16 MB: Dense keeps it in a native buffer
        using NDArray sparse = Np.Zeros(new Shape(3, 3), backend: "Sparse");

        NativePool.Counters.Rents.ShouldBeGreaterThan(rents);
        foreach (NDArray array in new[] { dense, sparse })
        {
            AssemblyLoadContext plugin = AssemblyLoadContext.GetLoadContext(array.GetType().Assembly)!;
            plugin.ShouldNotBe(AssemblyLoadContext.Default);                 // loaded from its folder, in a context of its own
            plugin.LoadFromAssemblyName(typeof(NativePool).Assembly.GetName()).ShouldBeSameAs(typeof(NativePool).Assembly);
        }
    }
}
