using System.CommandLine;
using ArrayDispatch.Runtime.Plugins;

namespace ArrayDispatch.Host.Cli;

/// <summary><c>hash &lt;plugin-folder&gt;</c>: prints the configuration lines that pin a plugin.</summary>
internal static class HashCommand
{
    public static void AddTo(RootCommand root)
    {
        var folder = new Argument<DirectoryInfo>("plugin-folder") { Description = "A plugin's folder, e.g. host/bin/Debug/net10.0/plugins/Dense" };
        var command = new Command("hash", "Print the ArrayDispatch:Plugins:<Name>:Sha256 lines that pin a plugin folder");
        command.Arguments.Add(folder);
        command.SetAction(p => Run(p.GetValue(folder)!));
        root.Subcommands.Add(command);
    }

    private static int Run(DirectoryInfo folder)
    {
        string name = folder.Name;
        string? entry = new[] { $"{name}.dll", $"ArrayDispatch.{name}.dll" }.Select(f => Path.Combine(folder.FullName, f)).FirstOrDefault(File.Exists);
        if (entry is null)
        {
            Console.Error.WriteLine($"error: no {name}.dll or ArrayDispatch.{name}.dll in {folder.FullName}");
            return 2;
        }
        Console.WriteLine($"# entry assembly only ({Path.GetFileName(entry)}):");
        Console.WriteLine($"\"ArrayDispatch\": {{ \"Plugins\": {{ \"{name}\": {{ \"Sha256\": \"{PluginTrust.EntryHash(entry)}\" }} }} }}");
        Console.WriteLine("# every managed and native file of the folder, with ArrayDispatch:Trust:PinDependencies=true:");
        Console.WriteLine($"\"ArrayDispatch\": {{ \"Plugins\": {{ \"{name}\": {{ \"Sha256\": \"{PluginTrust.ManifestHash(folder.FullName)}\" }} }} }}");
        Console.WriteLine("# or as an environment variable:");
        Console.WriteLine($"ArrayDispatch__Plugins__{name}__Sha256={PluginTrust.EntryHash(entry)}");
        return 0;
    }
}
