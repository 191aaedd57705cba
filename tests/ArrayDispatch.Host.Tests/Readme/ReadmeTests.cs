using Shouldly;
using Xunit;

namespace ArrayDispatch.Host.Tests.Readme;

/// <summary>
/// The READMEs' code runs as written: every C#, project and settings block is a file of an example project or a
/// snippet; the projects build against this checkout in an empty folder and print what the README says; the README's
/// commands run with their documented output.
/// </summary>
[Collection(nameof(ReadmeTests))]
public sealed class ReadmeTests(ExampleProjects examples) : IClassFixture<ExampleProjects>
{
    [Fact]
    public void Every_code_block_of_the_readmes_is_an_example_file_or_a_snippet()
    {
        var untested = ReadmeBlocks.All()
            .Where(b => b.Language is "csharp" or "xml" or "json" && b.Target is null)
            .Select(b => $"{b.Readme}:{b.Line} ({b.Language})").ToArray();
        untested.ShouldBeEmpty("mark each block with <!-- readme-test: Folder/File --> or <!-- readme-test: snippet -->");
    }

    [Fact]
    public void The_quick_start_app_builds_and_prints_the_documented_sum()
    {
        (int exit, string output) = examples.Build("MyApp/MyApp.csproj");
        exit.ShouldBe(0, output);
        (exit, output) = examples.RunApp("MyApp");
        exit.ShouldBe(0, output);
        output.ShouldContain("sum over axis 0: 3, 5, 7");
    }

    [Fact]
    public void The_plugin_recipe_builds_a_plugin_that_an_app_deploys_and_dispatches_to()
    {
        (int exit, string output) = examples.Build("MyPlugin/MyPlugin.csproj");
        exit.ShouldBe(0, output);
        (exit, output) = examples.Build("PluginApp/PluginApp.csproj");
        exit.ShouldBe(0, output);
        File.Exists(Path.Combine(examples.Root, "PluginApp", "bin", ExampleProjects.Configuration, "net10.0", "plugins", "ThirdParty", "ThirdParty.dll")).ShouldBeTrue();
        (exit, output) = examples.RunApp("PluginApp");
        exit.ShouldBe(0, output);
        output.ShouldContain("MyArray(6)");         // NumPy's sum is 0-d (the recipe returned a (1,) MyArray)
        output.ShouldContain("6");
    }

    [Fact]
    public void The_snippets_of_the_plugin_readmes_run_inside_the_quick_start_app()
    {
        (int exit, string output) = examples.Build("Snippets/Snippets.csproj");
        exit.ShouldBe(0, output);
        (exit, output) = examples.RunApp("Snippets");
        exit.ShouldBe(0, output);
        output.ShouldContain("(8, 8)");
        output.ShouldContain("snippets done");
    }

    /// <summary>The README's commands of the app (run on this checkout's build, as <c>dotnet run --project host</c> would).</summary>
    [Theory]
    [InlineData("backends", "Dense|Sparse|Gpu|Chunked")]
    [InlineData("explain add Dense Sparse", "Dense|Sparse")]
    [InlineData("conformance --backend Dense", "passed, 0 failed")]
    [InlineData("demo", "MyArray")]
    public void The_readme_commands_run_with_their_documented_output(string command, string keyLines)
    {
        File.ReadAllText(Path.Combine(ReadmeBlocks.RepositoryRoot, "README.md")).ShouldContain(command.Split(' ')[0]);
        string host = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0", "ArrayDispatch.Host.dll");
        (int exit, string output) = ExampleProjects.Run("dotnet", [host, .. command.Split(' ')], ReadmeBlocks.RepositoryRoot, TimeSpan.FromMinutes(3));
        exit.ShouldBe(0, output);
        foreach (string key in keyLines.Split('|')) output.ShouldContain(key);
    }
}
