using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.TestArrays;

namespace ArrayDispatch.Host.Tests.Plugins;

public sealed class PluginTrustTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base");

    public void Dispose() => _plugins.Dispose();

    private string BaseDll => Path.Combine(_plugins.Root, "Base", "Base.dll");

    [Fact]
    public void A_matching_pin_loads_the_plugin()
    {
        using var host = _plugins.Host(("ArrayDispatch:Plugins:Base:Sha256", PluginTrust.EntryHash(BaseDll)), ("ArrayDispatch:Trust:RequirePinned", "true"));

        host.LoadResults.Single().Outcome.ShouldBe(PluginOutcome.Loaded);
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }

    [Fact]
    public void A_changed_entry_assembly_is_refused_with_expected_and_actual_hash()
    {
        string pin = new('a', 64);
        using var host = _plugins.Host(("ArrayDispatch:Plugins:Base:Sha256", pin));

        PluginLoadResult r = host.LoadResults.Single();
        r.Outcome.ShouldBe(PluginOutcome.HashMismatch);
        r.Reason.ShouldBe($"SHA-256 of Base.dll is {PluginTrust.EntryHash(BaseDll)}, but ArrayDispatch:Plugins:Base:Sha256 expects {pin}");
    }

    [Fact]
    public void With_PinDependencies_a_file_added_beside_the_plugin_breaks_the_pin()
    {
        string pin = PluginTrust.ManifestHash(Path.Combine(_plugins.Root, "Base"));
        _plugins.Write("Base/extra.dll", [1, 2, 3]);

        using var host = _plugins.Host(("ArrayDispatch:Plugins:Base:Sha256", pin), ("ArrayDispatch:Trust:PinDependencies", "true"));

        host.LoadResults.Single().Outcome.ShouldBe(PluginOutcome.HashMismatch);
    }

    [Fact]
    public void RequirePinned_refuses_an_unpinned_plugin()
    {
        using var host = _plugins.Host(("ArrayDispatch:Trust:RequirePinned", "true"));

        PluginLoadResult r = host.LoadResults.Single();
        r.Outcome.ShouldBe(PluginOutcome.Untrusted);
        r.Reason.ShouldStartWith("not pinned, and ArrayDispatch:Trust:RequirePinned is true");
    }

    [Fact]
    public void A_plugin_folder_writable_by_others_is_refused_unless_allowed()
    {
        if (OperatingSystem.IsWindows()) return;
        string folder = Path.Combine(_plugins.Root, "Base");
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("777", 8));

        using (var host = _plugins.Host())
        {
            PluginLoadResult r = host.LoadResults.Single();
            r.Outcome.ShouldBe(PluginOutcome.Untrusted);
            r.Reason.ShouldBe($"'{folder}' is writable by group or others (mode 0777); make it 0755/0644 or set ArrayDispatch:Trust:AllowWritable=true");
        }
        using (var host = _plugins.Host(("ArrayDispatch:Trust:AllowWritable", "true")))
        {
            host.LoadResults.Single().Outcome.ShouldBe(PluginOutcome.Loaded);
        }
    }

    [Fact]
    public void A_plugin_claiming_another_backends_array_type_is_refused_and_cannot_take_over_its_calls()
    {
        _plugins.Add("Claimer");
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Claimer"));

        PluginLoadResult r = host.LoadResults.Single(x => x.Name == "Claimer");
        r.Outcome.ShouldBe(PluginOutcome.Untrusted);
        r.Reason.ShouldBe("claims array type BaseArray, which backend 'Base' owns");
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }
}
