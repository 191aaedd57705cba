using System.Text.RegularExpressions;

namespace ArrayDispatch.Host.Tests.Readme;

/// <summary>
/// The code blocks of the repository's READMEs. A block preceded by <c>&lt;!-- readme-test: PATH --&gt;</c> is the whole
/// content of that file of an example project; <c>&lt;!-- readme-test: snippet --&gt;</c> marks statements that run as
/// written inside the quick-start app (with every plugin deployed).
/// </summary>
internal static partial class ReadmeBlocks
{
    public sealed record Block(string Readme, int Line, string Language, string? Target, string Code);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>README.md and every plugin's README.md.</summary>
    public static IReadOnlyList<string> Readmes { get; } =
        [Path.Combine(RepositoryRoot, "README.md"), .. Directory.GetFiles(Path.Combine(RepositoryRoot, "plugins"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static IEnumerable<Block> All() => Readmes.SelectMany(Parse);

    private static IEnumerable<Block> Parse(string readme)
    {
        string text = File.ReadAllText(readme).Replace("\r\n", "\n");
        foreach (Match m in Fence().Matches(text))
        {
            int line = text.AsSpan(0, m.Index).Count('\n') + 1;
            string? target = m.Groups["target"].Success ? m.Groups["target"].Value : null;
            // Indented blocks (inside lists) keep their indentation in the markdown, not in the code.
            string indent = m.Groups["indent"].Value;
            string code = string.Join('\n', m.Groups["code"].Value.Split('\n').Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l));
            yield return new Block(Path.GetRelativePath(RepositoryRoot, readme), line, m.Groups["lang"].Value, target, code);
        }
    }

    [GeneratedRegex(@"(?:<!-- readme-test: (?<target>\S+) -->\n)?(?<indent>[ ]*)```(?<lang>[a-z]*)\n(?<code>.*?)\n[ ]*```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Plugins.sln"))) return d.FullName;
        }
        throw new DirectoryNotFoundException($"no Plugins.sln above {AppContext.BaseDirectory}");
    }
}
