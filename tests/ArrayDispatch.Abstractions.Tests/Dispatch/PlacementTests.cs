using ArrayDispatch.Dispatch;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Dispatch;

public sealed class PlacementTests
{
    [Fact]
    public void An_absent_option_reads_as_default()
    {
        Placement p = "Chunked";
        p.Option<int[]>("chunks").ShouldBeNull();
        p.Options.ShouldBeNull();
    }

    [Fact]
    public void WithOption_adds_and_replaces_without_changing_the_original()
    {
        Placement p = new Placement("Chunked").WithOption("chunks", new[] { 2, 3 });
        Placement q = p.WithOption("chunks", new[] { 4 }).WithOption("format", "csc");

        p.Option<int[]>("chunks").ShouldBe([2, 3]);
        p.Option<string>("format").ShouldBeNull();
        q.Option<int[]>("chunks").ShouldBe([4]);
        q.Option<string>("format").ShouldBe("csc");
        q.Backend.ShouldBe("Chunked");
    }

    [Fact]
    public void Setting_an_option_to_null_removes_it()
    {
        Placement p = new Placement().WithOption("format", "csr").WithOption("format", null);
        p.Options.ShouldBeNull();
    }

    [Fact]
    public void An_option_of_the_wrong_type_names_the_option_and_both_types()
    {
        Placement p = new Placement().WithOption("chunks", "1000");
        var e = Should.Throw<ArgumentException>(() => p.Option<int[]>("chunks"));
        e.Message.ShouldContain("'chunks'");
        e.Message.ShouldContain("Int32[]");
        e.Message.ShouldContain("String");
    }
}
