using ArrayDispatch.Host.Tests.Readme;
using Shouldly;

namespace ArrayDispatch.Host.Tests.Cli;

/// <summary>The app as a command-line tool: bad configuration files are one line, redirected tables are not wrapped.</summary>
public sealed class HostCliTests
{
    private static readonly string s_app = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0");

    private static (int Exit, string Output) RunHost(string environment, params string[] args) =>
        ExampleProjects.Run("dotnet", [Path.Combine(s_app, "ArrayDispatch.Host.dll"), .. args], s_app, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = environment });

    [Theory]
    [InlineData("{\n  \"ArrayDispatch\": { \"DefaultBackend\": \"Dense\" x }\n}", "line 2, column 48")]
    [InlineData("{\n  \"ArrayDispatch\": {\n", "line 3, column 1")]
    public void A_malformed_settings_file_is_one_line_naming_the_file_line_and_column(string content, string position)
    {
        // The generic host also reads appsettings.<Environment>.json next to the app: a file of this test's own.
        string environment = $"MalformedTest{Guid.NewGuid():N}";
        string file = Path.Combine(s_app, $"appsettings.{environment}.json");
        File.WriteAllText(file, content);
        try
        {
            (int exit, string output) = RunHost(environment, "backends");

            exit.ShouldBe(2, output);
            string line = output.Trim().ShouldNotBeNull();
            line.Split('\n').Length.ShouldBe(1, output);
            line.ShouldStartWith($"error: {file}: {position}: ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--ArrayDispatch:DefaultBackend=Sparse")]
    [InlineData("--ArrayDispatch:DefaultBackend", "Sparse")]
    [InlineData("--config", "ArrayDispatch:DefaultBackend=Sparse")]
    public void A_configuration_key_on_the_command_line_is_read_in_the_generic_hosts_syntax_or_with_config(params string[] switches)
    {
        (int exit, string output) = RunHost("Production", ["backends", "--json", .. switches]);

        exit.ShouldBe(0, output);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.GetProperty("defaultBackend").GetString().ShouldBe("Sparse");
    }

    [Fact]
    public void A_wrong_value_in_the_generic_hosts_syntax_is_refused_at_start_up_naming_the_key()
    {
        (int exit, string output) = RunHost("Production", "backends", "--ArrayDispatch:DefaultBackend=Nope");

        exit.ShouldBe(2, output);
        output.ShouldContain("ArrayDispatch:DefaultBackend: unknown backend 'Nope'");
    }

    [Fact]
    public void A_mistyped_command_option_is_still_refused_by_the_parser_not_taken_as_a_key()
    {
        (int exit, string output) = RunHost("Production", "backends", "--jsno");

        exit.ShouldNotBe(0, output);
        output.ShouldContain("Unrecognized command or argument '--jsno'");
    }

    [Fact]
    public void Tables_written_to_a_pipe_keep_each_row_on_one_line()
    {
        (int exit, string output) = RunHost("Production", "backends");

        exit.ShouldBe(0, output);
        string[] rows = output.Split('\n').Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).ToArray();
        rows.ShouldContain(r => r.StartsWith("│ Dense ", StringComparison.Ordinal) && r.Contains("plugins/Dense"));
        rows.ShouldAllBe(r => !r.StartsWith("│            │"), "no row continues on a second line");
    }

    [Fact]
    public void Backends_shows_each_backend_naming_setting_with_its_value_or_the_plugins_default()
    {
        // A user could not see what ArrayDispatch:Backends:Chunked:ChunkBackend was set to.
        (int exit, string output) = RunHost("Production", "backends", "--config", "ArrayDispatch:Backends:Chunked:ChunkBackend=Sparse");
        exit.ShouldBe(0, output);
        output.Split('\n').Single(l => l.StartsWith("│ Chunked ", StringComparison.Ordinal))
            .ShouldContain("ChunkBackend = Sparse (ArrayDispatch:Backends:Chunked:ChunkBackend)");

        (exit, output) = RunHost("Production", "backends", "--json", "--config", "ArrayDispatch:Backends:Sparse:DenseBackend=");
        exit.ShouldBe(0, output);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var sparse = doc.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Sparse");
        var setting = sparse.GetProperty("settings").GetProperty("DenseBackend");
        setting.GetProperty("key").GetString().ShouldBe("ArrayDispatch:Backends:Sparse:DenseBackend");
        setting.GetProperty("value").GetString().ShouldBe("Dense");
        setting.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_backend_setting_naming_a_disabled_plugin_is_refused_at_start_up_naming_the_key_and_why()
    {
        // ChunkBackend=Gpu with Gpu disabled started, and the first chunk made failed without naming the key.
        (int exit, string output) = RunHost("Production", "backends",
            "--config", "ArrayDispatch:Plugins:Gpu:Enabled=false", "--config", "ArrayDispatch:Backends:Chunked:ChunkBackend=Gpu");

        exit.ShouldBe(2, output);
        output.ShouldContain("ArrayDispatch:Backends:Chunked:ChunkBackend: backend 'Gpu' is not loaded (disabled by ArrayDispatch:Plugins:Gpu:Enabled), so Chunked could not use it. Loaded backends: ");
    }

    [Fact]
    public void Conformance_json_is_one_object_with_the_counts_and_every_case()
    {
        (int exit, string output) = RunHost("Production", "conformance", "--backend", "Dense", "--json");

        exit.ShouldBe(0, output);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("backend").GetString().ShouldBe("Dense");
        root.GetProperty("failed").GetInt32().ShouldBe(0);
        int cases = root.GetProperty("cases").GetArrayLength();
        (root.GetProperty("passed").GetInt32() + root.GetProperty("skipped").GetInt32()).ShouldBe(cases);
        root.GetProperty("cases")[0].GetProperty("outcome").GetString().ShouldBeOneOf("passed", "skipped");
    }

    [Fact]
    public void Backends_and_explain_json_describe_the_same_chain_the_tables_show()
    {
        (int exit, string output) = RunHost("Production", "backends", "--json");
        exit.ShouldBe(0, output);
        using var backends = System.Text.Json.JsonDocument.Parse(output);
        string[] names = backends.RootElement.GetProperty("plugins").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        names.ShouldContain("Dense");
        names.ShouldContain("Sparse");

        (exit, output) = RunHost("Production", "explain", "add", "Dense", "Sparse", "--json");
        exit.ShouldBe(0, output);
        using var explain = System.Text.Json.JsonDocument.Parse(output);
        explain.RootElement.GetProperty("function").GetString().ShouldBe("add");
        explain.RootElement.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("backend").GetString()).ShouldBe(["Sparse"]);
        explain.RootElement.GetProperty("excluded").EnumerateArray().ShouldContain(e => e.GetProperty("backend").GetString() == "Dense");
    }

    [Fact]
    public void Explain_of_a_numpy_name_the_facade_composes_explains_the_function_it_calls()
    {
        // `explain zeros` was "unknown function 'zeros'": np.zeros is Np.Zeros, a call of the catalogue's full.
        (int exit, string output) = RunHost("Production", "explain", "zeros");
        exit.ShouldBe(0, output);
        output.ShouldContain("'zeros' is Np.Zeros, which calls 'full':");
        output.ShouldContain("ArrayDispatch:DefaultBackend");

        (exit, output) = RunHost("Production", "explain", "identity", "--json");
        exit.ShouldBe(0, output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("function").GetString().ShouldBe("eye");

        (exit, output) = RunHost("Production", "explain", "diff", "Dense");
        exit.ShouldBe(1, output);
        output.ShouldContain("'diff' is Np.Diff, which calls getitem, subtract, concatenate; explain one of those.");

        (exit, output) = RunHost("Production", "explain", "zeroes");
        exit.ShouldBe(1, output);
        output.ShouldContain("Did you mean 'zeros'?");
    }

    [Fact]
    public void Explain_of_a_function_whose_first_use_handler_factory_fails_is_one_error_line_naming_backend_and_function()
    {
        // Was an unhandled PluginRegistrationException with a stack trace: explain makes the handlers of its chain.
        using var folder = new PluginFolder("BrokenFactory");
        (int exit, string output) = RunHost("Production", "explain", "sum", "BrokenFactory", "--config", $"ArrayDispatch:PluginDirectories:9={folder.Root}");

        exit.ShouldBe(1, output);
        output.Trim().ShouldBe("error: backend 'BrokenFactory' could not make its handler for 'sum': InvalidOperationException: kernels.bin is missing");
    }
}
