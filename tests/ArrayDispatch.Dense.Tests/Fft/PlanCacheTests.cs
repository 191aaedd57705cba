using ArrayDispatch.Dense.Fft;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Fft;

public sealed class PlanCacheTests
{
    [Fact]
    public void A_length_used_again_reuses_its_plan()
    {
        int builds = 0;
        var cache = new PlanCache<object>(n => { Interlocked.Increment(ref builds); return new object(); });
        object first = cache.For(1024);
        Parallel.For(0, 64, _ => cache.For(1024).ShouldBeSameAs(first));
        builds.ShouldBe(1);
    }

    [Fact]
    public void Many_lengths_keep_at_most_the_capacity_dropping_the_least_recently_used()
    {
        var cache = new PlanCache<string>(n => $"plan {n}");
        cache.For(1);
        for (int n = 2; n <= 3 * PlanCache<string>.Capacity; n++)
        {
            cache.For(n);
            cache.For(1);   // kept in use, so never the oldest
        }
        cache.Count.ShouldBe(PlanCache<string>.Capacity);
        int builds = 0;
        var counting = new PlanCache<string>(n => { builds++; return $"plan {n}"; });
        for (int n = 1; n <= PlanCache<string>.Capacity + 1; n++) counting.For(n);
        counting.For(PlanCache<string>.Capacity + 1);
        builds.ShouldBe(PlanCache<string>.Capacity + 1);
        counting.For(1);   // evicted: built again
        builds.ShouldBe(PlanCache<string>.Capacity + 2);
    }

    [Fact]
    public void A_build_that_throws_is_not_cached()
    {
        int calls = 0;
        var cache = new PlanCache<string>(n => ++calls == 1 ? throw new InvalidOperationException("first build fails") : "ok");
        Should.Throw<InvalidOperationException>(() => cache.For(7));
        cache.For(7).ShouldBe("ok");
        cache.Count.ShouldBe(1);
    }

    [Fact]
    public void Plans_of_many_lengths_still_transform_correctly_after_eviction()
    {
        for (int n = 100; n < 100 + 2 * PlanCache<ComplexFftPlan>.Capacity; n++) ComplexFftPlan.For(n);
        var x = NaiveDft.RandomComplex(new Random(5), 100);
        var y = (System.Numerics.Complex[])x.Clone();
        ComplexFftPlan plan = ComplexFftPlan.For(100);
        plan.Forward(y, new System.Numerics.Complex[plan.ScratchLength]);
        NaiveDft.RelErr(y, NaiveDft.Transform(x)).ShouldBeLessThan(1e-13);
    }
}
