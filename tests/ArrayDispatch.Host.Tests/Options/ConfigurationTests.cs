using ArrayDispatch.Runtime.Options;
using ArrayDispatch.TestArrays;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ArrayDispatch.Host.Tests.Options;

public sealed class ConfigurationTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base", "Other");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void An_unknown_backend_or_function_is_refused_at_start_up_with_its_key_and_the_nearest_name()
    {
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(
            ("ArrayDispatch:Priority:0", "Bsae"),
            ("ArrayDispatch:Functions:ad:Prefer:0", "Other"),
            ("ArrayDispatch:Functions:sum:Coerce:0", "Othr"),
            ("ArrayDispatch:DefaultBackend", "Nothing")));

        ex.Failures.ShouldBe([
            "ArrayDispatch:Priority:0: unknown backend 'Bsae'. Known backends: Base, Other. Did you mean 'Base'?",
            "ArrayDispatch:DefaultBackend: unknown backend 'Nothing'. Known backends: Base, Other.",
            "ArrayDispatch:Functions:ad: unknown function 'ad'. Did you mean 'add'?",
            "ArrayDispatch:Functions:sum:Coerce:0: unknown backend 'Othr'. Known backends: Base, Other. Did you mean 'Other'?",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Misspelled_keys_unknown_plugins_and_values_that_are_not_booleans_are_refused_with_their_key_paths()
    {
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(
            ("ArrayDispatch:Priorty:0", "Base"),
            ("ArrayDispatch:HotReload", "maybe"),
            ("ArrayDispatch:Plugins:Base:Enabled", "nope"),
            ("ArrayDispatch:Trust:RequirePined", "true"),
            ("ArrayDispatch:Functions:sum:Prefr:0", "Base"),
            ("ArrayDispatch:Backends:Base:AnythingGoes", "plugin-owned")));

        ex.Failures.ShouldBe([
            "ArrayDispatch:Priorty: unknown key 'Priorty'. Did you mean 'Priority'?",
            "ArrayDispatch:HotReload: 'maybe' is not a boolean; use true or false",
            "ArrayDispatch:Plugins:Base:Enabled: 'nope' is not a boolean; use true or false",
            "ArrayDispatch:Trust:RequirePined: unknown key 'RequirePined'. Did you mean 'RequirePinned'?",
            "ArrayDispatch:Functions:sum:Prefr: unknown key 'Prefr'. Did you mean 'Prefer'?",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Rules_for_a_numpy_name_the_facade_composes_name_the_function_that_dispatches()
    {
        // "unknown function 'zeros'" left a NumPy user guessing that np.zeros dispatches as full.
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Functions:zeros:Prefer:0", "Base")));
        ex.Failures.ShouldBe(["ArrayDispatch:Functions:zeros: 'zeros' is Np.Zeros, which dispatches 'full'; set the rules under ArrayDispatch:Functions:full"]);
    }

    [Fact]
    public void A_pin_that_is_not_a_sha256_is_refused_at_start_up_with_its_key()
    {
        // It was accepted, and the plugin refused as HashMismatch ("expects 0000"), as if the file had changed.
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Plugins:Base:Sha256", "0000")));
        ex.Failures.ShouldBe(["ArrayDispatch:Plugins:Base:Sha256: '0000' is not a SHA-256 (64 hexadecimal digits); the 'hash <plugin-folder>' command prints the pin to use"]);
    }

    [Fact]
    public void A_setting_for_a_plugin_that_was_not_found_is_refused_with_the_nearest_name()
    {
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Plugins:Bsae:Enabled", "false")));

        ex.Failures.ShouldBe(["ArrayDispatch:Plugins:Bsae: no plugin named 'Bsae' was found. Plugins found: Base, Other. Did you mean 'Base'?"]);
    }

    [Fact]
    public void Backend_settings_under_a_name_no_plugin_has_are_refused_with_the_nearest_name()
    {
        // Backends:<Name> is read only by the plugin of that name: a typo was ignored silently
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(
            ("ArrayDispatch:Backends:Othr:Decline", "true"),
            ("ArrayDispatch:Backends:base:Decline", "false")));   // configuration keys ignore case, as the plugin's section does

        ex.Failures.ShouldBe(["ArrayDispatch:Backends:Othr: no plugin named 'Othr' was found, so nothing reads these settings. Plugins found: Base, Other. Did you mean 'Other'?"]);
    }

    [Fact]
    public void A_list_key_given_a_single_value_is_refused()
    {
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Priority", "Base")));

        ex.Failures.ShouldHaveSingleItem().ShouldStartWith("ArrayDispatch:Priority: expected a list (Priority:0, Priority:1, …)");
    }

    [Fact]
    public void A_single_value_beside_a_list_from_another_source_is_refused_not_ignored()
    {
        // appsettings.json's "Priority": [...] with ArrayDispatch__Priority=Other (or --ArrayDispatch:Priority=Other) on
        // top: the binder kept the file's list and dropped the value without a word.
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Priority:0", "Base"), ("ArrayDispatch:Priority", "Other")));

        ex.Failures.ShouldBe(["ArrayDispatch:Priority: expected a list (Priority:0, Priority:1, …), found the single value 'Other' beside the list's items from another source (a list is overridden item by item: Priority:0=Other)"]);
    }

    [Fact]
    public void A_shared_assembly_the_app_cannot_load_is_refused_at_start_up_naming_its_key()
    {
        // SharedAssemblies:0=Nope.Assembly ended the app with "Could not load file or assembly 'Nope.Assembly, …'" (exit 1),
        // thrown while the first plugin's load context was built, and no key named.
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:SharedAssemblies:0", "Nope.Assembly")));

        ex.Failures.ShouldHaveSingleItem().ShouldStartWith("ArrayDispatch:SharedAssemblies:0: the app cannot load assembly 'Nope.Assembly' to share it with its plugins (");
    }

    [Fact]
    public void A_backends_settings_given_a_single_value_are_refused()
    {
        // --ArrayDispatch:Backends:Base=x was ignored: the plugin reads Backends:Base:<Setting>.
        var ex = Should.Throw<OptionsValidationException>(() => _plugins.Host(("ArrayDispatch:Backends:Base", "x")));

        ex.Failures.ShouldBe(["ArrayDispatch:Backends:Base: expected a section of the backend's settings (Backends:Base:<Setting>), found the single value 'x'"]);
    }

    [Fact]
    public async Task A_generic_host_refuses_to_start_on_a_bad_key_and_starts_on_good_ones()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root,
            ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.TestArrays",
            ["ArrayDispatch:Priority:0"] = "Gpx",
        });
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
        using IHost host = builder.Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        ex.Message.ShouldContain("ArrayDispatch:Priority:0: unknown backend 'Gpx'");
    }

    [Fact]
    public async Task A_changed_appsettings_file_changes_dispatch_without_a_restart()
    {
        string file = Path.Combine(_plugins.Root, "..", $"appsettings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Settings("Base", "Other"));
        try
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true);
            builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
            using IHost host = builder.Build();
            await host.StartAsync();
            var api = host.Services.GetRequiredService<IArrayApi>();
            api.Run(() => ((TestArray)Np.Add(new BaseArray(), new OtherArray())).MadeBy).ShouldBe("Base");

            await File.WriteAllTextAsync(file, Settings("Other", "Base"));

            string madeBy = "";
            for (int i = 0; i < 1200 && madeBy != "Other"; i++)   // up to a minute: a hang guard on a loaded machine
            {
                await Task.Delay(50);
                madeBy = api.Run(() => ((TestArray)Np.Add(new BaseArray(), new OtherArray())).MadeBy);
            }
            madeBy.ShouldBe("Other");
            await host.StopAsync();
        }
        finally
        {
            File.Delete(file);
        }

        string Settings(string first, string second) => $$"""
            { "ArrayDispatch": { "PluginDirectories": [ "{{_plugins.Root.Replace("\\", "\\\\")}}" ], "SharedAssemblies": [ "ArrayDispatch.TestArrays" ],
                                 "Priority": [ "{{first}}", "{{second}}" ] } }
            """;
    }

    [Fact]
    public async Task The_health_check_is_degraded_and_names_a_refused_plugin()
    {
        _plugins.Add("FutureProtocol");
        using var host = _plugins.Host();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        HealthReport report = await health.CheckHealthAsync();

        report.Status.ShouldBe(HealthStatus.Degraded);
        report.Entries["arraydispatch"].Description.ShouldBe("FutureProtocol: ProtocolMismatch");
    }

    [Fact]
    public void Options_bind_the_documented_keys()
    {
        using var host = _plugins.Host(("ArrayDispatch:Functions:add:Prefer:0", "Other"), ("ArrayDispatch:HotReload", "false"));

        ArrayDispatchOptions options = host.Services.GetRequiredService<IOptions<ArrayDispatchOptions>>().Value;

        options.Functions["add"].Prefer.ShouldBe(["Other"]);
        options.PluginDirectories.ShouldBe([_plugins.Root]);
    }
}
