using System.Diagnostics;
using System.Text;

namespace ArrayDispatch.Host.Tests.Readme;

/// <summary>
/// The README's example projects written into an empty temporary folder (nothing of the repository above it), built
/// against this checkout's build output and run: what a reader who copies the blocks gets.
/// </summary>
public sealed class ExampleProjects : IDisposable
{
    public ExampleProjects()
    {
        Root = Directory.CreateTempSubdirectory("readme-").FullName;
        foreach (ReadmeBlocks.Block b in ReadmeBlocks.All().Where(b => b.Target is { } t && t != "snippet"))
        {
            string path = Path.Combine(Root, b.Target!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, b.Code + "\n");
        }
        // The README tells readers to set ArrayDispatchRoot to their clone; this is that setting, for every project here.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"),
            $"<Project><PropertyGroup><ArrayDispatchRoot>{ReadmeBlocks.RepositoryRoot.TrimEnd('/')}/</ArrayDispatchRoot></PropertyGroup></Project>\n");
        WriteSnippetApp();
    }

    public string Root { get; }

    /// <summary>The configuration the repository was built in (this test assembly's), so its outputs are reused.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Builds a project without rebuilding the repository's projects (the solution build made them; rebuilding them
    /// here would race the other test assemblies that load them).
    /// </summary>
    public (int Exit, string Output) Build(string project) =>
        Run("dotnet", ["build", Path.Combine(Root, project), "-c", Configuration, "-p:BuildProjectReferences=false", "-nologo", "-v:q", "-clp:NoSummary"], Root, TimeSpan.FromMinutes(4));

    /// <summary>Runs a built app from its project folder, as <c>dotnet run</c> does.</summary>
    public (int Exit, string Output) RunApp(string folder)
    {
        string dir = Path.Combine(Root, folder);
        string dll = Path.Combine(dir, "bin", Configuration, "net10.0", folder + ".dll");
        return Run("dotnet", [dll], dir, TimeSpan.FromMinutes(5));   // hang guard
    }

    public static (int Exit, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ARRAYDISPATCH_FIXTURES");
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var p = Process.Start(info)!;
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}: {file} {string.Join(' ', args)}\n{output}");
        }
        p.WaitForExit();
        lock (output) return (p.ExitCode, output.ToString());
    }

    /// <summary>
    /// The quick-start app with every plugin deployed and Dense as the default backend, whose Program.cs runs each
    /// snippet block in a scope of its own.
    /// </summary>
    private void WriteSnippetApp()
    {
        string dir = Path.Combine(Root, "Snippets");
        Directory.CreateDirectory(dir);
        string quick = File.ReadAllText(Path.Combine(Root, "MyApp", "MyApp.csproj"));
        string plugins = string.Join("\n", Directory.GetFiles(Path.Combine(ReadmeBlocks.RepositoryRoot, "plugins"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("ArrayDispatch.Dense.csproj", StringComparison.Ordinal))
            .Select(p => $"    <PluginProject Include=\"{p}\" />"));
        File.WriteAllText(Path.Combine(dir, "Snippets.csproj"), quick.Replace("  </ItemGroup>", plugins + "\n  </ItemGroup>"));
        File.WriteAllText(Path.Combine(dir, "appsettings.json"), """{ "ArrayDispatch": { "PluginDirectories": [ "plugins" ], "DefaultBackend": "Dense" } }""");
        var program = new StringBuilder("""
            using ArrayDispatch;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
            using IHost host = builder.Build();
            await host.StartAsync();

            """);
        foreach (ReadmeBlocks.Block b in ReadmeBlocks.All().Where(b => b.Target == "snippet"))
        {
            program.Append($"// {b.Readme}:{b.Line}\n{{\n{b.Code}\n}}\n");
        }
        program.Append("Console.WriteLine(\"snippets done\");\n");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program.ToString());
    }
}
