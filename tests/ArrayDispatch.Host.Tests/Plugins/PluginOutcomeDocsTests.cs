using ArrayDispatch.Host.Tests.Readme;
using ArrayDispatch.Runtime.Plugins;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>The README's "Plugin loading and failures" names every outcome a plugin folder can end in.</summary>
public sealed class PluginOutcomeDocsTests
{
    [Fact]
    public void The_readme_lists_every_plugin_outcome()
    {
        string readme = File.ReadAllText(Path.Combine(ReadmeBlocks.RepositoryRoot, "README.md"));
        string section = readme[readme.IndexOf("## Plugin loading and failures", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        Enum.GetNames<PluginOutcome>().Where(o => o != nameof(PluginOutcome.Loaded) && !section.Contains($"`{o}`", StringComparison.Ordinal))
            .ShouldBeEmpty("outcomes missing from README.md's plugin outcome list");
    }
}
