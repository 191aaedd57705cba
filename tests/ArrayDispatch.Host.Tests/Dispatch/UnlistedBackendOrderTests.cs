using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>
/// README "Dispatch rules": a backend nobody listed in <c>Priority</c> keeps the place NEP 18's argument order gives it,
/// and the listed backends are reordered by <c>Priority</c> among the places they hold.
/// </summary>
public sealed class UnlistedBackendOrderTests
{
    private static TestHost Host(params (string Key, string Value)[] settings) => TestHost.Create(
        settings.ToDictionary(s => s.Key, s => (string?)s.Value),
        new DuckBackend<DuckArray>("Listed"), new DuckBackend<ThirdDuckArray>("NewPlugin"), new DuckBackend<FourthDuckArray>("Second"),
        new DuckBackend<OtherDuckArray>("SubNew"));

    private static string[] Chain(TestHost host, params Type[] types) =>
        host.Dispatcher.Explain(ArrayFunctions.Add, types).Candidates.Select(c => c.Backend).ToArray();

    [Fact]
    public void An_unlisted_backend_is_tried_first_for_a_call_whose_first_argument_it_owns()
    {
        using TestHost host = Host(("ArrayDispatch:Priority:0", "Listed"));

        ((DuckArray)Np.Add(new ThirdDuckArray(), new DuckArray())).Tag.ShouldBe("NewPlugin");
        Chain(host, typeof(ThirdDuckArray), typeof(DuckArray)).ShouldBe(["NewPlugin", "Listed"]);
    }

    [Fact]
    public void An_unlisted_backend_still_comes_after_the_owner_of_an_earlier_argument()
    {
        using TestHost host = Host(("ArrayDispatch:Priority:0", "Listed"));

        ((DuckArray)Np.Add(new DuckArray(), new ThirdDuckArray())).Tag.ShouldBe("Listed");
        Chain(host, typeof(DuckArray), typeof(ThirdDuckArray)).ShouldBe(["Listed", "NewPlugin"]);
    }

    [Fact]
    public void Listed_backends_keep_their_configured_order_among_the_places_they_hold()
    {
        using TestHost host = Host(("ArrayDispatch:Priority:0", "Second"), ("ArrayDispatch:Priority:1", "Listed"));

        // Argument order gives Listed, NewPlugin, Second; the listed two swap places, the unlisted one keeps its own.
        Chain(host, typeof(DuckArray), typeof(ThirdDuckArray), typeof(FourthDuckArray)).ShouldBe(["Second", "NewPlugin", "Listed"]);
        Chain(host, typeof(ThirdDuckArray), typeof(DuckArray), typeof(FourthDuckArray)).ShouldBe(["NewPlugin", "Second", "Listed"]);
    }

    [Fact]
    public void Explain_says_why_an_unlisted_backend_is_where_it_is()
    {
        using TestHost host = Host(("ArrayDispatch:Priority:0", "Listed"));

        IReadOnlyList<Candidate> chain = host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(ThirdDuckArray), typeof(DuckArray)]).Candidates;

        chain[0].Rule.ShouldBe(CandidateRule.LeftToRight);
        chain[0].Reason.ShouldBe("owns ThirdDuckArray; not in ArrayDispatch:Priority, so it keeps its argument-order place (NEP 18: left to right)");
        chain[1].Rule.ShouldBe(CandidateRule.Priority);
        chain[1].Reason.ShouldBe("owns DuckArray; ArrayDispatch:Priority:0");
    }

    [Fact]
    public void A_subclass_owner_goes_first_whether_or_not_it_is_listed()
    {
        using TestHost unlisted = Host(("ArrayDispatch:Priority:0", "Listed"));
        Chain(unlisted, typeof(DuckArray), typeof(OtherDuckArray)).ShouldBe(["SubNew", "Listed"]);
        unlisted.Dispose();

        using TestHost listedLast = Host(("ArrayDispatch:Priority:0", "Listed"), ("ArrayDispatch:Priority:1", "SubNew"));
        Chain(listedLast, typeof(DuckArray), typeof(OtherDuckArray)).ShouldBe(["SubNew", "Listed"]);
    }

    [Fact]
    public void A_functions_Prefer_list_still_goes_before_an_unlisted_owner()
    {
        using TestHost host = Host(("ArrayDispatch:Priority:0", "Listed"), ("ArrayDispatch:Functions:add:Prefer:0", "Listed"));

        Chain(host, typeof(ThirdDuckArray), typeof(DuckArray)).ShouldBe(["Listed", "NewPlugin"]);
    }
}

/// <summary>A third unrelated duck type.</summary>
public sealed class FourthDuckArray : NDArray
{
    public override Shape Shape => new(1);
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 4.0 }, Shape);
}
