using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.TestArrays;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// Each broken plugin is a real file on disk. The host starts, refuses that plugin with a named outcome and reason, and
/// every other backend keeps working.
/// </summary>
public sealed class PluginFailureTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base");

    public void Dispose() => _plugins.Dispose();

    private PluginLoadResult LoadWithBase(Action<PluginFolder> arrange, string failing)
    {
        arrange(_plugins);
        using var host = _plugins.Host();
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");   // the healthy plugin still serves
        return host.LoadResults.Single(r => r.Name == failing);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_refused()
    {
        PluginLoadResult r = LoadWithBase(p => p.Write("Garbage/Garbage.dll", "this is not a PE file"u8.ToArray()), "Garbage");

        r.Outcome.ShouldBe(PluginOutcome.NotAManagedAssembly);
        r.Reason.ShouldContain("Garbage.dll");
    }

    [Fact]
    public void A_truncated_assembly_is_refused()
    {
        PluginLoadResult r = LoadWithBase(p =>
        {
            string folder = p.Add("Other", "Truncated");
            byte[] bytes = File.ReadAllBytes(Path.Combine(folder, "Other.dll"));
            File.Delete(Path.Combine(folder, "Other.dll"));
            File.WriteAllBytes(Path.Combine(folder, "Truncated.dll"), bytes[..(bytes.Length / 3)]);
        }, "Truncated");

        r.Outcome.ShouldBe(PluginOutcome.NotAManagedAssembly);
    }

    [Fact]
    public void A_plugin_built_for_another_major_protocol_version_is_refused()
    {
        PluginLoadResult r = LoadWithBase(p => p.Add("FutureProtocol"), "FutureProtocol");

        r.Outcome.ShouldBe(PluginOutcome.ProtocolMismatch);
        r.Reason.ShouldBe("built for protocol 2.0, the host speaks 1.0");
    }

    [Fact]
    public void A_plugin_built_against_a_newer_shared_extensions_assembly_is_refused_before_loading()
    {
        PluginLoadResult r = LoadWithBase(p => p.Add("TooNewExtensions"), "TooNewExtensions");

        r.Outcome.ShouldBe(PluginOutcome.SharedDependencyTooNew);
        r.Reason.ShouldStartWith("built against Microsoft.Extensions.DependencyInjection.Abstractions 11.0.0.0, the host has 10.");
    }

    [Fact]
    public void A_plugin_whose_Register_throws_leaves_nothing_in_the_container_or_the_dispatcher()
    {
        _plugins.Add("Throwing");
        using var host = _plugins.Host();

        PluginLoadResult r = host.LoadResults.Single(x => x.Name == "Throwing");
        r.Outcome.ShouldBe(PluginOutcome.RegistrationFailed);
        r.Reason.ShouldBe("Register threw InvalidOperationException: registration failed halfway on purpose");
        host.Dispatcher.Backends.ShouldBe(["Base"]);
        host.Dispatcher.OwnerOf(typeof(OtherArray)).ShouldBeNull();
        // Nothing the plugin added to its scratch services reached the container.
        host.Services.GetService<IServiceCollection>().ShouldBeNull();
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }

    [Fact]
    public void A_plugin_with_a_missing_dependency_is_refused_at_load_not_at_the_first_call()
    {
        PluginLoadResult r = LoadWithBase(p =>
        {
            string folder = p.Add("MissingDep");
            File.Delete(Path.Combine(folder, "MissingDepHelper.dll"));
        }, "MissingDep");

        r.Outcome.ShouldBe(PluginOutcome.DependencyMissing);
        r.Reason.ShouldStartWith("'MissingDepHelper' 1.0.0.0 (referenced by MissingDep) is not in ");
    }

    [Fact]
    public void The_second_plugin_with_a_taken_name_is_refused_as_a_duplicate()
    {
        string copy = _plugins.Add("Base", "ZBaseCopy");
        File.WriteAllText(Path.Combine(copy, "plugin.json"), """{ "entryAssembly": "Base.dll" }""");
        using var host = _plugins.Host();

        host.LoadResults.Single(x => x.Folder!.EndsWith("Base", StringComparison.Ordinal)).Outcome.ShouldBe(PluginOutcome.Loaded);
        PluginLoadResult duplicate = host.LoadResults.Single(x => x.Folder!.EndsWith("ZBaseCopy", StringComparison.Ordinal));
        duplicate.Outcome.ShouldBe(PluginOutcome.DuplicateName);
        duplicate.Reason.ShouldStartWith("a backend named 'Base' is already loaded from ");
    }

    [Fact]
    public void Folders_are_loaded_and_reported_in_name_order_and_the_first_wins_a_name()
    {
        // The first folder in name order wins a name; refusals land in their own place.
        string first = _plugins.Add("Base", "ABaseFirst");
        File.WriteAllText(Path.Combine(first, "plugin.json"), """{ "entryAssembly": "Base.dll" }""");
        _plugins.Write("CGarbage/CGarbage.dll", "this is not a PE file"u8.ToArray());
        _plugins.Add("Other", "DOther");
        File.WriteAllText(Path.Combine(Path.Combine(_plugins.Root, "DOther"), "plugin.json"), """{ "entryAssembly": "Other.dll" }""");
        _plugins.Add("FutureProtocol", "EFuture");
        File.WriteAllText(Path.Combine(Path.Combine(_plugins.Root, "EFuture"), "plugin.json"), """{ "entryAssembly": "FutureProtocol.dll" }""");
        using var host = _plugins.Host();

        host.LoadResults.Select(r => Path.GetFileName(r.Folder!)).ShouldBe(["ABaseFirst", "Base", "CGarbage", "DOther", "EFuture"]);
        host.LoadResults.Select(r => r.Outcome).ShouldBe([PluginOutcome.Loaded, PluginOutcome.DuplicateName, PluginOutcome.NotAManagedAssembly,
            PluginOutcome.Loaded, PluginOutcome.ProtocolMismatch]);
        host.LoadResults[1].Reason.ShouldBe($"a backend named 'Base' is already loaded from {first}");
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }

    [Theory]
    [InlineData("{not json", "plugin.json could not be read")]
    [InlineData("""{ "entryAssembly": "Nope.dll" }""", "plugin.json names entry assembly 'Nope.dll', which is not in ")]
    [InlineData("""{ "entryAssembly": 5 }""", "plugin.json: entryAssembly must be the file name of the entry assembly")]
    [InlineData("""[ "Other.dll" ]""", "plugin.json must be a JSON object")]
    [InlineData("""{ "entryAssembly": "../Base/Base.dll" }""", "plugin.json: entryAssembly '../Base/Base.dll' is outside the plugin folder")]
    public void A_broken_plugin_json_is_named_as_the_reason_not_a_missing_folder_dll(string manifest, string reason)
    {
        PluginLoadResult r = LoadWithBase(p =>
        {
            string folder = p.Add("Other", "Manifested");
            File.WriteAllText(Path.Combine(folder, "plugin.json"), manifest);
        }, "Manifested");

        r.Outcome.ShouldBe(PluginOutcome.EntryMissing);
        r.Reason.ShouldContain(reason);
    }

    [Fact]
    public void A_folder_whose_assembly_has_no_plugin_type_is_refused()
    {
        PluginLoadResult r = LoadWithBase(p =>
            p.Write("NoEntry/NoEntry.dll", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ArrayDispatch.Testing.dll"))), "NoEntry");

        r.Outcome.ShouldBe(PluginOutcome.EntryMissing);
        r.Reason.ShouldBe("'NoEntry.dll' has no public class implementing IArrayBackendPlugin");
    }

    [Fact]
    public void A_folder_without_an_entry_assembly_is_refused()
    {
        PluginLoadResult r = LoadWithBase(p => p.Write("Empty/readme.txt", "nothing here"u8.ToArray()), "Empty");

        r.Outcome.ShouldBe(PluginOutcome.EntryMissing);
        r.Reason.ShouldStartWith("no entry assembly: expected Empty.dll or ArrayDispatch.Empty.dll in ");
    }

    [Fact]
    public void A_disabled_plugin_is_reported_and_not_loaded()
    {
        _plugins.Add("Other");
        using var host = _plugins.Host(("ArrayDispatch:Plugins:Other:Enabled", "false"));

        host.LoadResults.Single(x => x.Name == "Other").Outcome.ShouldBe(PluginOutcome.Disabled);
        host.Dispatcher.Backends.ShouldBe(["Base"]);
    }

    [Fact]
    public void Dispatch_errors_name_the_plugins_that_failed_to_load()
    {
        _plugins.Add("FutureProtocol");
        using var host = _plugins.Host();

        var ex = Should.Throw<NoImplementationException>(() => Np.Sum(new OtherArray()));

        ex.Message.ShouldContain("plugins that failed to load: FutureProtocol (ProtocolMismatch: built for protocol 2.0, the host speaks 1.0)");
    }

    [Fact]
    public void Dispatch_errors_list_disabled_plugins_as_disabled_not_as_failures()
    {
        _plugins.Add("Other");
        _plugins.Add("FutureProtocol");
        using var host = _plugins.Host(("ArrayDispatch:Plugins:Other:Enabled", "false"));

        var ex = Should.Throw<NoImplementationException>(() => Np.Sum(new OtherArray()));

        string[] lines = ex.Message.Split('\n');
        lines.ShouldContain("plugins that failed to load: FutureProtocol (ProtocolMismatch: built for protocol 2.0, the host speaks 1.0)");
        lines.ShouldContain("disabled by configuration: Other");
        lines.ShouldNotContain(l => l.StartsWith("plugins that failed to load", StringComparison.Ordinal) && l.Contains("Other ("));
    }

    [Fact]
    public void With_only_disabled_plugins_the_error_mentions_no_failure()
    {
        _plugins.Add("Other");
        using var host = _plugins.Host(("ArrayDispatch:Plugins:Other:Enabled", "false"));

        var ex = Should.Throw<NoImplementationException>(() => Np.Sum(new OtherArray()));

        ex.Message.ShouldNotContain("failed to load");
        ex.Message.ShouldEndWith("\ndisabled by configuration: Other");
    }
}
