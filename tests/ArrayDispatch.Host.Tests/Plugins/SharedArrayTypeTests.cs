using ArrayDispatch.Testing;
using ArrayDispatch.TestArrays;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// Array types an app creates itself must be the plugin's own types, not a second copy of them: a contract assembly
/// listed in <c>SharedAssemblies</c> is loaded once and shared; a copy loaded twice is named as such in the error.
/// </summary>
public sealed class SharedArrayTypeTests : IDisposable
{
    private static readonly string s_contract = Path.Combine(AppContext.BaseDirectory, "ArrayDispatch.TestArrays.dll");
    private readonly PluginFolder _plugins = new();

    public void Dispose() => _plugins.Dispose();

    /// <summary>The Other plugin with its own copy of the contract assembly in its folder, as a plugin built without ExcludeAssets ships it.</summary>
    private void AddOtherWithItsOwnContractCopy()
    {
        string folder = _plugins.Add("Other");
        File.Copy(s_contract, Path.Combine(folder, Path.GetFileName(s_contract)));
    }

    [Fact]
    public void A_contract_assembly_listed_in_SharedAssemblies_is_loaded_once_so_app_made_arrays_dispatch_to_the_plugin()
    {
        AddOtherWithItsOwnContractCopy();
        using TestHost host = _plugins.Host();   // SharedAssemblies:0 = ArrayDispatch.TestArrays

        ((TestArray)Np.Sum(new OtherArray())).MadeBy.ShouldBe("Other");
        host.Dispatcher.OwnerOf(typeof(OtherArray)).ShouldBe("Other");
    }

    [Fact]
    public void A_second_copy_of_the_plugins_type_is_named_in_the_error_with_the_fix()
    {
        AddOtherWithItsOwnContractCopy();
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root });
        host.LoadResults.Single(r => r.Name == "Other").Loaded.ShouldBeTrue();   // it owns its own copy of OtherArray

        var ex = Should.Throw<NoImplementationException>(() => Np.Sum(new OtherArray()));

        string line = ex.Message.Split('\n').Single(l => l.TrimStart().StartsWith("Other:", StringComparison.Ordinal));
        line.ShouldContain("owns a different ArrayDispatch.TestArrays.OtherArray");
        line.ShouldContain("'ArrayDispatch.TestArrays' in load context 'Default'");
        line.ShouldContain("two copies of one type");
        line.ShouldContain("Np.AsArray(…, backend: \"Other\")");
        line.ShouldContain("list 'ArrayDispatch.TestArrays' in ArrayDispatch:SharedAssemblies");
    }

    [Fact]
    public void Arrays_made_through_the_dispatcher_are_the_plugins_own_type()
    {
        AddOtherWithItsOwnContractCopy();
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root });

        NDArray mine = Np.Zeros(1, backend: "Other");

        mine.GetType().ShouldNotBe(typeof(OtherArray));   // the plugin context's OtherArray
        host.Dispatcher.OwnerOf(mine.GetType()).ShouldBe("Other");
        Np.Sum(mine).GetType().FullName.ShouldBe("ArrayDispatch.TestArrays.OtherArray");
    }

    [Fact]
    public void A_copy_of_a_type_from_the_plugins_own_assembly_is_told_to_move_it_into_a_contract_assembly()
    {
        string folder = _plugins.Add("ThirdParty");
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root });
        // What an app that references the plugin's project gets: the plugin's assembly loaded a second time, outside its context.
        var app = new System.Runtime.Loader.AssemblyLoadContext("app", isCollectible: true);
        try
        {
            Type appsMyArray = app.LoadFromAssemblyPath(Path.Combine(folder, "ThirdParty.dll")).GetType("ThirdParty.MyArray", throwOnError: true)!;
            var mine = (NDArray)Activator.CreateInstance(appsMyArray, [new[] { 1.0, 2.0 }, false])!;   // (values, scalar)

            var ex = Should.Throw<NoImplementationException>(() => Np.Sum(mine));

            ex.Message.ShouldStartWith("no implementation found for 'sum' on types [MyArray]\n  ThirdParty: owns a different ThirdParty.MyArray: the argument's type is from 'ThirdParty' in load context 'app'");
            ex.Message.ShouldContain("Np.AsArray(…, backend: \"ThirdParty\"), or move the array types into a contract assembly that the app and the plugin both reference and list it in ArrayDispatch:SharedAssemblies");
        }
        finally
        {
            app.Unload();
        }
    }
}
