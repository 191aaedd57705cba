using System.Text.RegularExpressions;
using ArrayDispatch.Host.Tests.Readme;
using Shouldly;

namespace ArrayDispatch.Host.Tests.Packaging;

/// <summary>
/// What an outside author does: the repository packed into a local folder feed (`dotnet pack Plugins.sln`), the
/// templates installed from it, a plugin and an app made from them in an empty folder, built against the packages
/// alone (no path into this checkout), the plugin's test run, and the app run with the plugin loaded.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("templates-").FullName;

    // A version of its own per run: the NuGet cache never serves an older build of the same version.
    private readonly string _version = $"1.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } c ? c : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string package in Directory.Exists(cache) ? Directory.GetDirectories(cache, "arraydispatch.*") : [])
        {
            try { Directory.Delete(Path.Combine(package, _version), recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private (int Exit, string Output) Dotnet(string workingDirectory, params string[] args) =>
        ExampleProjects.Run("dotnet", args, workingDirectory, TimeSpan.FromMinutes(10));   // a hang guard, not a speed check: a pack of the solution took over 4 min on the loaded 2-core machine

    [Fact]
    public void A_plugin_and_an_app_made_from_the_templates_build_against_the_packed_packages_and_run_together()
    {
        string feed = Path.Combine(_root, "feed"), hive = Path.Combine(_root, "hive"), work = Path.Combine(_root, "work");
        Directory.CreateDirectory(work);
        (int exit, string output) = Dotnet(ReadmeBlocks.RepositoryRoot, "pack", "Plugins.sln", "--no-build", "-c", ExampleProjects.Configuration, "-o", feed, $"-p:PackageVersionOverride={_version}");
        exit.ShouldBe(0, output);
        string[] packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToArray()!;
        foreach (string id in new[] { "Abstractions", "Hosting", "Plugins.Dense", "Plugins.Sparse", "Plugins.Gpu", "Plugins.Chunked", "Sparse.Api", "Chunked.Api", "Chunked.Contracts", "Interop", "Conformance", "Templates" })
        {
            packages.ShouldContain($"ArrayDispatch.{id}.{_version}.nupkg");
        }
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><add key="arraydispatch-local" value="{feed}" /></packageSources></configuration>
            """);

        (exit, output) = Dotnet(work, "new", "install", Path.Combine(feed, $"ArrayDispatch.Templates.{_version}.nupkg"), "--debug:custom-hive", hive);
        exit.ShouldBe(0, output);
        (exit, output) = Dotnet(work, "new", "arraydispatch-plugin", "-n", "Foo", "--ArrayDispatchVersion", _version, "--debug:custom-hive", hive);
        exit.ShouldBe(0, output);
        (exit, output) = Dotnet(work, "new", "arraydispatch-app", "-n", "App", "--plugin", "Foo", "--ArrayDispatchVersion", _version, "--debug:custom-hive", hive);
        exit.ShouldBe(0, output);
        foreach (string project in Directory.GetFiles(work, "*.csproj", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(project);
            text.ShouldNotContain(ReadmeBlocks.RepositoryRoot, customMessage: $"{project} must build from the packages alone");
            Regex.IsMatch(text, "ARRAYDISPATCH_VERSION|PLUGIN_NAME").ShouldBeFalse(project);
        }

        (exit, output) = Dotnet(work, "build", "App/App.csproj", "-nologo", "-v:q", "-clp:NoSummary");
        exit.ShouldBe(0, output);
        (exit, output) = Dotnet(Path.Combine(work, "App"), Path.Combine(work, "App", "bin", "Debug", "net10.0", "App.dll"));
        exit.ShouldBe(0, output);
        output.ShouldContain("backends: Dense, Foo");
        output.ShouldContain("Dense: sum over axis 0 = 3, 5, 7");
        output.ShouldContain("Foo: sum = FooArray(6)");

        // The protocol package's analyzer checks [Implements] while the plugin compiles.
        string functions = Path.Combine(work, "Foo", "Foo", "FooFunctions.cs");
        string good = File.ReadAllText(functions);
        File.WriteAllText(functions, good.Replace("[Implements(\"sum\")]", "[Implements(\"summ\")]"));
        (exit, output) = Dotnet(work, "build", "Foo/Foo/Foo.csproj", "-nologo", "-v:q");
        exit.ShouldNotBe(0, output);
        output.ShouldContain("ArrayDispatch001: [Implements(\"summ\")]: no function named 'summ' is defined. Did you mean 'sum'?");
        File.WriteAllText(functions, good);

        (exit, output) = Dotnet(work, "test", "Foo/Foo.Tests/Foo.Tests.csproj", "-nologo");
        exit.ShouldBe(0, output);
        output.ShouldContain("Passed!");
        output.ShouldNotContain("Failed!");
        // The plugin's own test and the conformance kit's checks (one per function it declares, at least) all ran.
        int.Parse(Regex.Match(output, @"Passed:\s+(\d+)").Groups[1].Value).ShouldBeGreaterThanOrEqualTo(2, output);
    }

    [Fact]
    public void The_templates_default_to_the_version_the_repository_packs()
    {
        string props = File.ReadAllText(Path.Combine(ReadmeBlocks.RepositoryRoot, "Directory.Build.props"));
        string version = Regex.Match(props, "<ArrayDispatchPackageVersion>(.*?)</ArrayDispatchPackageVersion>").Groups[1].Value;
        version.ShouldNotBeNullOrEmpty();
        foreach (string template in Directory.GetFiles(Path.Combine(ReadmeBlocks.RepositoryRoot, "templates"), "template.json", SearchOption.AllDirectories))
        {
            File.ReadAllText(template).ShouldContain($"\"defaultValue\": \"{version}\"", customMessage: template);
        }
    }
}
