using System.Text;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// The fixture runner (what <c>conformance</c> runs) never aborts on bad input: an unreadable, truncated or unsupported
/// file, or a malformed manifest entry, is one failed case with its reason, and the other cases still run.
/// </summary>
public sealed class FixtureRunnerRobustnessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fixtures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Npy(string descr, int count, int itemSize)
    {
        string header = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({count},), }}";
        header = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange(Encoding.ASCII.GetBytes("NUMPY"));
        bytes.AddRange([1, 0, (byte)(header.Length & 0xff), (byte)(header.Length >> 8)]);
        bytes.AddRange(Encoding.ASCII.GetBytes(header));
        bytes.AddRange(new byte[count * itemSize]);
        return bytes.ToArray();
    }

    private void WriteGoodCase()
    {
        byte[] good = Npy("<f8", 3, 8);
        File.WriteAllBytes(Path.Combine(_dir, "good.arg0.npy"), good);
        File.WriteAllBytes(Path.Combine(_dir, "good.out.npy"), good);
    }

    private IReadOnlyList<FixtureResult> RunManifest(string manifestJson)
    {
        File.WriteAllText(Path.Combine(_dir, "manifest.json"), manifestJson);
        using var host = TestHost.Create(new DensePlugin());
        return new FixtureRunner(host.Dispatcher, "Dense").RunAll(FixtureManifest.Load(_dir));
    }

    [Fact]
    public void A_corrupt_and_an_unsupported_input_fail_their_cases_with_reasons_and_the_rest_still_run()
    {
        WriteGoodCase();
        File.WriteAllBytes(Path.Combine(_dir, "corrupt.npy"), Npy("<f8", 100, 8)[..90]);   // truncated in the data
        File.WriteAllBytes(Path.Combine(_dir, "longdouble.npy"), Npy("<f16", 2, 16));         // a dtype the protocol lacks
        File.WriteAllBytes(Path.Combine(_dir, "garbage.npy"), Encoding.ASCII.GetBytes("not an array"));
        IReadOnlyList<FixtureResult> results = RunManifest("""
            {"cases": [
              {"id": "corrupt", "function": "negative", "args": ["corrupt.npy"], "expected": "good.out.npy"},
              {"id": "unsupported", "function": "negative", "args": ["longdouble.npy"], "expected": "good.out.npy"},
              {"id": "garbage", "function": "abs", "args": ["garbage.npy"], "expected": "good.out.npy"},
              {"id": "missing", "function": "abs", "args": ["nowhere.npy"], "expected": "good.out.npy"},
              {"id": "good", "function": "abs", "args": ["good.arg0.npy"], "expected": "good.out.npy", "check": "exact"}
            ]}
            """);

        results.Select(r => (r.Id, r.Outcome)).ShouldBe([
            ("corrupt", FixtureOutcome.Failed), ("unsupported", FixtureOutcome.Failed), ("garbage", FixtureOutcome.Failed),
            ("missing", FixtureOutcome.Failed), ("good", FixtureOutcome.Passed)]);
        results[0].Reason.ShouldStartWith("cannot read fixture file 'corrupt.npy'");
        results[1].Reason!.ShouldContain("longdouble.npy");
        results[1].Reason!.ShouldContain("f16");
        results[2].Reason!.ShouldContain("garbage.npy");
        results[3].Reason!.ShouldContain("nowhere.npy");
    }

    [Fact]
    public void An_unreadable_expected_file_fails_the_case_instead_of_ending_the_run()
    {
        WriteGoodCase();
        File.WriteAllBytes(Path.Combine(_dir, "longdouble.npy"), Npy("<f16", 3, 16));
        IReadOnlyList<FixtureResult> results = RunManifest("""
            {"cases": [{"id": "bad_expected", "function": "abs", "args": ["good.arg0.npy"], "expected": "longdouble.npy"},
                       {"id": "bad_error_input", "function": "abs", "args": ["longdouble.npy"], "check": "error", "error": "ValueError"}]}
            """);

        results.ShouldAllBe(r => r.Outcome == FixtureOutcome.Failed);
        results.ShouldAllBe(r => r.Reason!.Contains("cannot read fixture file 'longdouble.npy'"));
    }

    [Fact]
    public void A_malformed_manifest_entry_is_one_failed_case()
    {
        WriteGoodCase();
        IReadOnlyList<FixtureResult> results = RunManifest("""
            {"cases": [{"id": "no_function", "args": []},
                       {"id": "good", "function": "abs", "args": ["good.arg0.npy"], "expected": "good.out.npy"}]}
            """);

        results.Select(r => r.Outcome).ShouldBe([FixtureOutcome.Failed, FixtureOutcome.Passed]);
        results[0].Id.ShouldBe("no_function");
        results[0].Reason!.ShouldContain("cannot be read");
    }

    [Fact]
    public void A_manifest_that_is_not_json_is_refused_naming_the_file()
    {
        File.WriteAllText(Path.Combine(_dir, "manifest.json"), "{ not json");
        var ex = Should.Throw<InvalidDataException>(() => FixtureManifest.Load(_dir));
        ex.Message.ShouldContain("manifest.json");
    }

    [Fact]
    public void A_folder_without_a_manifest_checks_that_each_array_file_loads()
    {
        WriteGoodCase();
        File.WriteAllBytes(Path.Combine(_dir, "corrupt.npy"), Npy("<f8", 100, 8)[..90]);
        File.WriteAllBytes(Path.Combine(_dir, "longdouble.npy"), Npy("<f16", 2, 16));
        using var host = TestHost.Create(new DensePlugin());

        IReadOnlyList<FixtureResult> results = new FixtureRunner(host.Dispatcher, "Dense").RunAll(FixtureManifest.FromFolder(_dir));

        results.Select(r => (r.Id, r.Outcome)).ShouldBe([
            ("corrupt.npy", FixtureOutcome.Failed), ("good.arg0.npy", FixtureOutcome.Passed),
            ("good.out.npy", FixtureOutcome.Passed), ("longdouble.npy", FixtureOutcome.Failed)]);
    }

    [Fact]
    public void The_repository_fixtures_are_found_inside_the_checkout()
    {
        string? dir = FixtureManifest.Locate();
        dir.ShouldNotBeNull();
        dir.Replace('\\', '/').ShouldEndWith(FixtureManifest.RepositoryFolder);
        File.Exists(Path.Combine(dir, "manifest.json")).ShouldBeTrue();
    }
}
