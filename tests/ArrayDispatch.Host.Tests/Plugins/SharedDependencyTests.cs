using System.Reflection;
using System.Runtime.Loader;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// A plugin folder carries its own copies of the Microsoft.Extensions assemblies it was built against; the host shares
/// the protocol and Microsoft.Extensions.*.Abstractions with it, and with them every assembly those reference (so that
/// IConfiguration's IChangeToken, say, is one type on both sides). The shared set grows as shared assemblies load
/// (PluginAssemblyLoader: McMaster's lazy mode), not by loading their whole reference closure up front at start-up.
/// </summary>
public sealed class SharedDependencyTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Chunked", "Gpu");

    public void Dispose() => _plugins.Dispose();

    [Theory]
    [InlineData("Chunked", "Microsoft.Extensions.Primitives")]
    [InlineData("Chunked", "Microsoft.Extensions.Configuration.Abstractions")]
    [InlineData("Chunked", "Microsoft.Extensions.Logging.Abstractions")]
    [InlineData("Chunked", "Microsoft.Extensions.DependencyInjection.Abstractions")]
    [InlineData("Gpu", "Microsoft.Extensions.Primitives")]
    [InlineData("Gpu", "Microsoft.Extensions.Configuration.Abstractions")]
    [InlineData("Gpu", "ArrayDispatch.Abstractions")]
    public void Assemblies_the_plugin_carries_that_the_shared_ones_reference_come_from_the_host(string plugin, string assembly)
    {
        File.Exists(Path.Combine(_plugins.Root, plugin, assembly + ".dll")).ShouldBe(assembly != "ArrayDispatch.Abstractions", "the folder's own copy is what this test is about");
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root });
        host.LoadResults.Single(r => r.Name == plugin).Loaded.ShouldBeTrue();
        AssemblyLoadContext context = AssemblyLoadContext.All.Last(c => c.Assemblies.Any(a => a.Location.StartsWith(Path.Combine(_plugins.Root, plugin), StringComparison.Ordinal)));

        Assembly resolved = context.LoadFromAssemblyName(new AssemblyName(assembly));

        AssemblyLoadContext.GetLoadContext(resolved).ShouldBe(AssemblyLoadContext.Default, $"{plugin} loaded its own copy of {assembly}");
    }

    [Fact]
    public void A_dependency_the_host_does_not_share_is_the_plugins_own()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root });
        AssemblyLoadContext context = AssemblyLoadContext.All.Last(c => c.Assemblies.Any(a => a.Location.StartsWith(Path.Combine(_plugins.Root, "Gpu"), StringComparison.Ordinal)));

        Assembly ilgpu = context.LoadFromAssemblyName(new AssemblyName("ILGPU"));

        AssemblyLoadContext.GetLoadContext(ilgpu).ShouldBe(context);
        ilgpu.Location.ShouldStartWith(Path.Combine(_plugins.Root, "Gpu"));
    }
}
