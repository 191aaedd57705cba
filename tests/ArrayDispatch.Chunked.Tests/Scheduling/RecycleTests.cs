using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Scheduling;

/// <summary>
/// The per-compute recycle pool: freed owned chunks become the <c>out=</c> of later random chunks. Results are bit-identical
/// with and without it, and nothing still referenced (results, views of them) is ever reused.
/// </summary>
public sealed class RecycleTests
{
    private static TestHost Host(bool recycle, int degree = 2) => TestHost.Create(
        new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Chunked:MaxDegreeOfParallelism"] = degree.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ArrayDispatch:Backends:Chunked:RecycleChunks"] = recycle ? "true" : "false",
        },
        new DensePlugin(), new ChunkedPlugin());

    private static NDArray Big(ulong seed = 1) => Np.Random.Sample((120, 90), Np.Random.DefaultRng(seed), backend: "Chunked", chunks: [20, 30]);

    private static double[] Bits(NDArray a) => a.Compute().ToArray<double>();

    private static (double[] Sum, double[] Chain, double[] ChainSum, double[] Mean0, double[] S) Everything(bool recycle)
    {
        using TestHost host = Host(recycle);
        double[] sum = Bits(Np.Sum(Big()));
        double[] chain = Bits(Np.Sqrt(Big(2) * 2.0 + 1.0) - Big(3));
        double[] chainSum = Bits(Np.Sum(Big(4) * 2.0 + 1.0));
        double[] mean0 = Bits(Np.Mean(Big(5), 0));
        NDArray x = Np.Random.Sample((500, 60), Np.Random.DefaultRng(0), backend: "Chunked", chunks: [100, 60]);
        var (_, s, _) = Np.Linalg.Svd(x, fullMatrices: false);
        return (sum, chain, chainSum, mean0, Bits(s));
    }

    [Fact]
    public void Recycled_and_fresh_computes_give_bit_identical_results()
    {
        var fresh = Everything(recycle: false);
        var recycled = Everything(recycle: true);
        recycled.Sum.ShouldBe(fresh.Sum);
        recycled.Chain.ShouldBe(fresh.Chain);
        recycled.ChainSum.ShouldBe(fresh.ChainSum);
        recycled.Mean0.ShouldBe(fresh.Mean0);
        recycled.S.ShouldBe(fresh.S);
    }

    [Fact]
    public void A_sum_of_random_reuses_chunk_buffers_and_counts_the_pool_as_held()
    {
        using TestHost host = Host(recycle: true, degree: 1);
        ChunkedComputeResult result = ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]);
        // 18 chunks of 20x30, one worker: every chunk after the first draws into the previous one's buffer.
        result.Statistics.Recycled.ShouldBe(17);
        // The pool holds at most 2 buffers per worker; held bytes never exceed that plus the chunk being summed and the partial sums.
        result.Statistics.PeakBytes.ShouldBeGreaterThanOrEqualTo(20 * 30 * 8);
        result.Statistics.PeakBytes.ShouldBeLessThan(4 * 20 * 30 * 8);

        using TestHost off = Host(recycle: false, degree: 1);
        ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]).Statistics.Recycled.ShouldBe(0);
    }

    [Fact]
    public void Free_buffers_carry_over_to_the_next_compute_of_the_same_backend_only()
    {
        double[] first, second;
        using (TestHost host = Host(recycle: true, degree: 1))
        {
            ChunkedComputeResult a = ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]);
            ChunkedComputeResult b = ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]);
            a.Statistics.Recycled.ShouldBe(17);
            // The second compute's first chunk draws into a buffer the first compute left free.
            b.Statistics.Recycled.ShouldBe(18);
            first = a.Arrays[0].ToArray<double>();
            second = b.Arrays[0].ToArray<double>();
        }
        second.ShouldBe(first);
        using TestHost other = Host(recycle: true, degree: 1);
        ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]).Statistics.Recycled.ShouldBe(17); // another host starts empty
    }

    [Fact]
    public void The_carry_over_keeps_buffers_within_its_byte_limit_and_hands_them_out_once()
    {
        using TestHost host = Host(recycle: true);
        var carry = new RecycleCarryOver { LimitBytes = 2 * 12 * 8 };
        carry.Keep(Enumerable.Range(0, 5).Select(_ => Np.Zeros(new Shape(3, 4))));
        carry.Bytes.ShouldBe(2 * 12 * 8);
        carry.TakeAll().Length.ShouldBe(2);
        carry.TakeAll().ShouldBeEmpty();
        carry.Bytes.ShouldBe(0);
    }

    [Fact]
    public void Element_wise_results_that_cannot_overwrite_an_operand_take_freed_buffers_too()
    {
        double[] expected;
        using (Host(recycle: false, degree: 1))
        {
            expected = Bits(Np.Sum(Np.Sqrt(Big(2) + Big(3)) * Big(4), 0));
        }
        using TestHost host = Host(recycle: true, degree: 1);
        ChunkedComputeResult result = ChunkedCompute.Run([(ChunkedArray)Np.Sum(Np.Sqrt(Big(2) + Big(3)) * Big(4), 0)]);
        result.Arrays[0].ToArray<double>().ShouldBe(expected);
        // 18 output chunks, each with three random chunks and an add that cannot overwrite either operand (both are read
        // by the scheduler, not owned by the task): random chunks alone reuse 17 buffers here, the adds' out= about as many more.
        result.Statistics.Recycled.ShouldBeGreaterThan(17 + 10);
    }

    [Fact]
    public void Returned_results_and_views_of_freed_chunks_are_never_recycled()
    {
        double[] expectedY, expectedView, expectedTotal;
        using (Host(recycle: false))
        {
            (expectedY, expectedView, expectedTotal) = Outputs();
        }
        using TestHost host = Host(recycle: true);
        NDArray x = Big(7);
        NDArray y = x * 2.0;                         // fresh element-wise chunks, returned to the user
        NDArray view = Np.Transpose(Big(8))[1..5];   // a view of random chunks that are freed after it is taken
        NDArray total = Np.Sum(y + 1.0);             // shares y's subgraph
        NDArray[] computed = Np.Compute(y, view, total);
        double[] yNow = computed[0].ToArray<double>(), viewNow = computed[1].ToArray<double>();

        // Later computes draw many chunks of the same shapes; none may land in memory the results still use.
        for (int i = 0; i < 4; i++)
        {
            Np.Sum(Big(20 + (ulong)i) * 3.0).Compute();
            Np.Sum(Np.Transpose(Big(30 + (ulong)i))).Compute();
        }

        yNow.ShouldBe(expectedY);
        viewNow.ShouldBe(expectedView);
        computed[0].ToArray<double>().ShouldBe(expectedY);
        computed[1].ToArray<double>().ShouldBe(expectedView);
        computed[2].ToArray<double>().ShouldBe(expectedTotal);
    }

    private static (double[] Y, double[] View, double[] Total) Outputs()
    {
        NDArray y = Big(7) * 2.0;
        NDArray[] c = Np.Compute(y, Np.Transpose(Big(8))[1..5], Np.Sum(y + 1.0));
        return (c[0].ToArray<double>(), c[1].ToArray<double>(), c[2].ToArray<double>());
    }

    [Fact]
    public void A_fresh_task_that_hands_back_its_input_does_not_send_a_result_to_the_pool()
    {
        using TestHost host = Host(recycle: true);
        var shape = new Shape(3, 4);
        // "a" is returned to the user; "b" claims to be fresh but returns a's array; "c" reads b and frees it; "d" then asks
        // the pool for a buffer of a's kind and overwrites it.
        var graph = new ArrayDispatch.Chunked.Graph.TaskGraph([
            new ArrayDispatch.Chunked.Graph.ChunkTask("a", "make", [], _ => Np.Full(shape, 5.0)) { FreshResult = true },
            new ArrayDispatch.Chunked.Graph.ChunkTask("b", "pass", ["a"], i => i[0]) { FreshResult = true },
            new ArrayDispatch.Chunked.Graph.ChunkTask("c", "sum", ["b"], i => Np.Sum((NDArray)i[0])),
            new ArrayDispatch.Chunked.Graph.ChunkTask("d", "scribble", ["c"], i =>
            {
                NDArray? taken = RecyclePool.Current!.Take(Np.Zeros(shape).GetType(), DType.Float64, shape);
                if (taken is not null) Np.Multiply(taken, 0.0, taken);
                return i[0];
            }),
        ]);

        ComputeResult result = LocalChunkScheduler.Instance.Execute(graph, ["a", "d"], new ComputeOptions(1));

        ((NDArray)result.Values[0]).ToArray<double>().ShouldAllBe(v => v == 5.0);
        result.Statistics.Recycled.ShouldBe(0);
    }

    [Fact]
    public void The_pool_keeps_at_most_its_bound_per_kind_and_reports_what_it_holds()
    {
        using TestHost host = Host(recycle: true);
        long held = 0;
        var pool = new RecyclePool(2, d => held += d);
        var buffers = Enumerable.Range(0, 5).Select(_ => Np.Zeros(new Shape(3, 4))).ToArray();
        buffers.Count(b => pool.Offer(b, counted: false)).ShouldBe(2);
        pool.Offer(buffers[0], counted: false).ShouldBeFalse(); // already held
        pool.Offer(Np.Zeros(new Shape(4, 3)), counted: true).ShouldBeTrue(); // another shape is another kind
        pool.Count.ShouldBe(3);
        held.ShouldBe(2 * 12 * 8);
        pool.PooledBytes.ShouldBe(3 * 12 * 8);

        NDArray? first = pool.Take(buffers[0].GetType(), DType.Float64, new Shape(3, 4));
        NDArray? second = pool.Take(buffers[0].GetType(), DType.Float64, new Shape(3, 4));
        pool.Take(buffers[0].GetType(), DType.Float64, new Shape(3, 4)).ShouldBeNull();
        pool.Take(buffers[0].GetType(), DType.Float32, new Shape(4, 3)).ShouldBeNull();
        first.ShouldNotBeNull();
        second.ShouldNotBeSameAs(first);
        pool.Recycled.ShouldBe(2);
        held.ShouldBe(0); // both taken buffers left the pool (their task counts them when it finishes)
        pool.PooledBytes.ShouldBe(12 * 8);
        pool.Clear();
        pool.Count.ShouldBe(0);
    }

    [Fact]
    public void A_value_a_consumer_viewed_or_returned_is_not_independent_of_it()
    {
        using TestHost host = Host(recycle: true);
        NDArray a = Np.Zeros(new Shape(6, 4));
        RecyclePool.Independent(Np.Transpose(a), a).ShouldBeFalse();
        RecyclePool.Independent(a[1..3], a).ShouldBeFalse();
        RecyclePool.Independent(a, a).ShouldBeFalse();
        RecyclePool.Independent(new object(), a).ShouldBeFalse();
        RecyclePool.Independent(Np.Sum(a), a).ShouldBeTrue();
        RecyclePool.Independent(a * 2.0, a).ShouldBeTrue();
    }
}
