using System.CommandLine;

namespace ArrayDispatch.Host.Cli;

/// <summary><c>conformance --fixtures DIR [--backend NAME]</c>: runs NumPy's reference answers against a backend.</summary>
internal static partial class ConformanceCommand
{
    public static void AddTo(RootCommand root, Option<string[]> config) => AddFixtureCommand(root, config);

    static partial void AddFixtureCommand(RootCommand root, Option<string[]> config);
}
