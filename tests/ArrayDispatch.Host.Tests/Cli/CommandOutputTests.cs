using ArrayDispatch.Host.Tests.Readme;

namespace ArrayDispatch.Host.Tests.Cli;

/// <summary>
/// The app's commands as a user meets them (the built host, output redirected): a misspelt name gets the nearest valid
/// one, as configuration errors do; <c>backends</c> and <c>explain</c> cite a priority by the same configuration key;
/// progress in a file or pipe is plain lines that end at 100 %.
/// </summary>
public sealed class CommandOutputTests
{
    private static (int Exit, string Output) App(params string[] args)
    {
        string host = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0", "ArrayDispatch.Host.dll");
        return ExampleProjects.Run("dotnet", [host, .. args], ReadmeBlocks.RepositoryRoot, TimeSpan.FromMinutes(10));   // a hang guard, not a speed check: the CPU simulator's demo took over 2 min on the loaded 2-core machine
    }

    [Fact]
    public void Demo_with_an_output_folder_it_cannot_make_fails_at_once_naming_the_option()
    {
        string file = Path.GetTempFileName();   // a file where the folder should be
        try
        {
            (int exit, string output) = App("demo", "--output", Path.Combine(file, "graphs"));
            exit.ShouldBe(2);
            output.ShouldContain("--output");
            output.ShouldContain("cannot create the folder");
            output.ShouldNotContain("Seed example");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Explain_suggests_the_nearest_function_and_backend()
    {
        (int exit, string output) = App("explain", "ad");
        exit.ShouldBe(1);
        output.ShouldContain("error: unknown function 'ad'. Did you mean 'add'?");

        (exit, output) = App("explain", "add", "Dense", "Sparce");
        exit.ShouldBe(1);
        output.ShouldContain("Did you mean 'Sparse'?");
    }

    [Fact]
    public void Explain_signature_prints_the_argument_struct_and_result()
    {
        (int exit, string output) = App("explain", "--signature", "linalg.svd");

        exit.ShouldBe(0, output);
        output.ShouldContain("arguments: SvdArgs");
        output.ShouldContain("[relevant]");
        output.ShouldContain("result: ");
    }

    [Fact]
    public void Conformance_suggests_the_nearest_backend()
    {
        (int exit, string output) = App("conformance", "--backend", "dense");

        exit.ShouldBe(2);
        output.ShouldContain("error: backend 'dense' is not loaded");
        output.ShouldContain("Did you mean 'Dense'?");
    }

    [Fact]
    public void Backends_functions_prints_the_array_API_coverage_of_the_protocol_and_of_each_backend()
    {
        (int exit, string output) = App("backends", "--functions");

        exit.ShouldBe(0, output);
        output.ShouldContain("array API standard 2023.12: 164/164 names (main 141, linalg 23)");
        output.ShouldContain("Dense: ");
        output.Split('\n').Single(l => l.StartsWith("Dense: ", StringComparison.Ordinal)).ShouldEndWith("array API standard 2023.12: 164/164 names (main 141, linalg 23)");
        // Sparse declines dense-only functions (sort, where, …), so its line lists what it does not serve.
        string sparse = output.Split('\n').Single(l => l.StartsWith("Sparse: ", StringComparison.Ordinal));
        sparse.ShouldNotContain("164/164");
        output.ShouldContain("  not served: ");
    }

    [Fact]
    public void Conformance_ends_with_the_array_API_coverage_line_of_the_backend()
    {
        string empty = Path.Combine(Path.GetTempPath(), "arraydispatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            (int exit, string output) = App("conformance", "--fixtures", empty, "--backend", "Dense");

            exit.ShouldBe(0, output);
            output.ShouldContain("0 passed, 0 failed, 0 skipped");
            output.ShouldContain("array API standard 2023.12: 164/164 names (main 141, linalg 23)");
            output.ShouldContain("Dense: array API standard 2023.12: 164/164 names (main 141, linalg 23)");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void Backends_and_explain_cite_the_same_priority_key()
    {
        // appsettings.json: Priority = [Gpu, Chunked, Sparse, ThirdParty, Dense]
        (int exit, string backends) = App("backends");
        exit.ShouldBe(0, backends);
        (exit, string explain) = App("explain", "add", "Dense", "Sparse");
        exit.ShouldBe(0, explain);

        static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));   // output wraps at 80 columns
        Squeeze(backends).ShouldContain("Sparse(Priority:2)>ThirdParty(Priority:3)>Dense(Priority:4)");
        Squeeze(explain).ShouldContain("ownsCooArray;ArrayDispatch:Priority:2");
        // Dense handles only its own types (OnlyOwnArrayTypes), so its rank shows on a call of its own.
        Squeeze(explain).ShouldContain("handlesonlyitsownarraytypes(OnlyOwnArrayTypes),notCooArray");
        (exit, string explainDense) = App("explain", "add", "Dense");
        exit.ShouldBe(0, explainDense);
        Squeeze(explainDense).ShouldContain("ownsDenseArray;ArrayDispatch:Priority:4");
    }

    [Fact]
    public void Demo_progress_in_redirected_output_is_plain_lines_ending_at_100_percent()
    {
        string output = Path.Combine(Path.GetTempPath(), "arraydispatch-tests", Guid.NewGuid().ToString("N"));
        try
        {
            (int exit, string text) = App("demo", "--output", output);

            exit.ShouldBe(0, text);
            string[] progress = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("compute u, s, v:", StringComparison.Ordinal)).ToArray();
            progress.ShouldNotBeEmpty(text);
            progress[^1].ShouldMatch(@"^compute u, s, v: 100% \((\d+)/\1 tasks\)$");
            text.ShouldNotContain("━");   // no live bar drawn into the file
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
    [Fact]
    public void Demo_runs_seed_examples_2_and_3_on_the_gpu_backend_shrinking_them_on_the_cpu_simulator()
    {
        string output = Path.Combine(Path.GetTempPath(), "arraydispatch-tests", Guid.NewGuid().ToString("N"));
        try
        {
            (int exit, string text) = App("demo", "--output", output,
                "--config", "ArrayDispatch:Backends:Gpu:Accelerator=Cpu", "--config", "ArrayDispatch:Backends:Chunked:ChunkBackend=Gpu");

            exit.ShouldBe(0, text);
            int second = text.IndexOf("Seed example 2", StringComparison.Ordinal), third = text.IndexOf("Seed example 3", StringComparison.Ordinal);
            second.ShouldBeGreaterThan(0, text);
            third.ShouldBeGreaterThan(second, text);
            // Example 2 with Gpu chunks: every chunk task on the device (no coercion to Dense), the factors GpuArrays.
            string dask = text[second..third];
            dask.ShouldContain("x = random (200, 40) in chunks of (40, 40)");
            dask.ShouldContain("sizes shrunk from 5000x1000: the chunks are on the Gpu backend (ChunkBackend = Gpu) and its accelerator is ILGPU's CPU simulator");
            dask.ShouldContain("result type GpuArray");
            Errors(dask).ShouldHaveSingleItem().ShouldBeLessThan(1e-12);

            string cupy = text[third..];
            cupy.ShouldContain("accelerator: Cpu ");
            cupy.ShouldContain("sizes shrunk from 5000x1000 to 200x40 (chunks of 40x40): this accelerator is ILGPU's CPU simulator");
            cupy.ShouldContain("Np.Linalg.Svd(x), x a GpuArray (200, 40): ");
            cupy.ShouldContain("chunked svd on Gpu chunks (5 chunks of 40x40, TSQR): ");
            cupy.ShouldContain("results are GpuArrays");
            double[] errors = Errors(cupy);
            errors.Length.ShouldBe(2, cupy);
            errors.ShouldAllBe(e => e < 1e-12);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }

        static double[] Errors(string section) => System.Text.RegularExpressions.Regex
            .Matches(section, @"\|(?:u\*s@v - x|x - u\*s@v)\| / \|x\| = ([0-9.E+-]+)")
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }
}
