using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests;

/// <summary>A temporary plugins directory made of real plugin folders copied from this test's output, deleted on dispose.</summary>
public sealed class PluginFolder : IDisposable
{
    private static readonly string s_built = Path.Combine(AppContext.BaseDirectory, "plugins");

    public PluginFolder(params string[] plugins)
    {
        Root = Path.Combine(Path.GetTempPath(), "arraydispatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (string plugin in plugins) Add(plugin);
    }

    public string Root { get; }

    /// <summary>Copies the built plugin <paramref name="plugin"/> into a folder named <paramref name="as"/> (default: its own name).</summary>
    public string Add(string plugin, string? @as = null)
    {
        string source = Path.Combine(s_built, plugin);
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"plugin '{plugin}' was not built into {s_built}");
        string target = Path.Combine(Root, @as ?? plugin);
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to, overwrite: true);
        }
        return target;
    }

    /// <summary>Writes a file into the plugins directory (e.g. a corrupt dll).</summary>
    public string Write(string relativePath, byte[] content)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A host loading this directory, sharing the test array types with its plugins.</summary>
    public TestHost Host(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["ArrayDispatch:PluginDirectories:0"] = Root,
            ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.TestArrays",
        };
        foreach ((string key, string? value) in settings) values[key] = value;
        return TestHost.Create(values);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
