using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>Malformed Matrix Market files from a user's disk: a clear error naming the file and the line, never a wrong matrix.</summary>
public sealed class MatrixMarketHostileTests
{
    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.mtx");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_size_beyond_int_is_refused_naming_the_line_not_wrapped_into_another_size()
    {
        // "100000000000 100000000000 1" was read as a 1215752192 x 1215752192 matrix.
        using TestHost host = SparseHost.Create();
        string path = Write("%%MatrixMarket matrix coordinate real general\n100000000000 100000000000 1\n1 1 1.0\n");
        Should.Throw<InvalidDataException>(() => SparseIO.MmRead(path)).Message
            .ShouldBe($"{path}: line 2: the matrix's row count 100000000000 is outside [0, 2147483647]");
        File.WriteAllText(path, "%%MatrixMarket matrix coordinate real general\n3 3 -1\n");
        Should.Throw<InvalidDataException>(() => SparseIO.MmRead(path)).Message.ShouldContain("line 2: the entry count -1 is outside [0, ");
        File.Delete(path);
    }

    [Fact]
    public void A_malformed_file_is_InvalidDataException_naming_the_file_not_a_backend_failure()
    {
        // A FormatException came out wrapped as "backend 'Sparse' failed in 'sparse.mmread': …", a backend bug's words,
        // without the file.
        using TestHost host = SparseHost.Create();
        (string Text, string Message)[] cases =
        [
            ("%%MatrixMarket matrix coordinate real general\n3 3 5\n1 1 1.0\n", "line 3: the file ends after 1 of 5 entries"),
            ("%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n", "line 1: only the 'coordinate' format is supported, not 'array'"),
            ("not a matrix market file\n", "line 1: expected '%%MatrixMarket matrix coordinate <field> <symmetry>', got 'not a matrix market file'"),
        ];
        foreach ((string text, string message) in cases)
        {
            string path = Write(text);
            string actual = Should.Throw<InvalidDataException>(() => SparseIO.MmRead(path)).Message;
            actual.ShouldStartWith($"{path}: ");
            actual.ShouldEndWith(message.Replace("line 3: ", ""));
            File.Delete(path);
        }
        // the host keeps working
        string good = Write("%%MatrixMarket matrix coordinate real general\n2 2 1\n2 1 5.0\n");
        SparseIO.MmRead(good).Shape.ShouldBe(new Shape(2, 2));
        File.Delete(good);
    }
}
