using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Integration;

public sealed class SparseOptionsTests
{
    [Fact]
    public void AllowDensify_of_the_wrong_type_is_refused_naming_its_full_key()
    {
        // The message named 'Backends:Sparse:AllowDensify' without the ArrayDispatch: prefix of the host's own errors.
        IConfiguration section = new ConfigurationBuilder().AddInMemoryCollection([new("ArrayDispatch:Backends:Sparse:AllowDensify", "maybe")]).Build()
            .GetSection("ArrayDispatch:Backends:Sparse");
        Should.Throw<ArgumentException>(() => SparseOptions.From(section)).Message
            .ShouldBe("ArrayDispatch:Backends:Sparse:AllowDensify: 'maybe' is not a boolean; use true or false (Parameter 'AllowDensify')");
    }

    [Fact]
    public void AllowDensify_reads_true_and_false_in_any_case()
    {
        IConfiguration Of(string v) => new ConfigurationBuilder().AddInMemoryCollection([new("AllowDensify", v)]).Build();
        SparseOptions.From(Of("True")).AllowDensify.ShouldBeTrue();
        SparseOptions.From(Of("false")).AllowDensify.ShouldBeFalse();
    }
}
