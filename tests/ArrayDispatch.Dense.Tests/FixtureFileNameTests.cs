using ArrayDispatch.Fixtures;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>The committed fixture folder travels in the Conformance package and is checked out on case-insensitive file systems.</summary>
public sealed class FixtureFileNameTests
{
    [Fact]
    public void Fixture_file_names_differ_by_more_than_letter_case()
    {
        string dir = FixtureManifest.Locate()!;
        // NuGet refuses two package files whose paths differ only in case (NU5118), and Windows and macOS would keep one
        string[] clashes = Directory.GetFiles(dir).Select(Path.GetFileName)
            .GroupBy(name => name!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g))
            .ToArray();
        clashes.ShouldBeEmpty();
    }
}
