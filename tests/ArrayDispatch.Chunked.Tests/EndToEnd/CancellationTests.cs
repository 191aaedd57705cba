using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// A host app cancels a lazy compute through the protocol alone (it never references the Chunked plugin):
/// <c>Np.Compute(arrays, token)</c>, <c>x.Compute(token)</c>, or every compute of a flow inside <c>Np.UseCancellation(token)</c>.
/// </summary>
public sealed class CancellationTests
{
    // 400 chunks, each through a chain of element-wise tasks and a tree sum: many tasks, run one at a time.
    private static NDArray ManyTasks() => Np.Sum(Np.Sqrt(Np.Ones((400, 400), chunks: [20, 20], backend: "Chunked") * 2.0 + 1.0), 0);

    private static int TotalTasks(NDArray x) => ChunkedCompute.Plan([(ChunkedArray)x]).Graph.Count;

    [Fact]
    public void NpCompute_WithToken_CancelledDuringTheCompute_StopsPromptlyWithOperationCanceled_AndTheHostStaysUsable()
    {
        using TestHost host = Create(degree: 1, splitEvery: 4);
        NDArray y = ManyTasks();
        int total = TotalTasks(y);
        total.ShouldBeGreaterThan(100);
        using var cts = new CancellationTokenSource();
        int completedOfOurs = 0;
        EventHandler<ChunkProgress> onProgress = (_, p) =>
        {
            if (p.Total != total) return;
            Interlocked.Increment(ref completedOfOurs);
            cts.Cancel();                                           // cancel after the first task of this compute
        };
        ChunkedProgress.Reported += onProgress;
        try
        {
            Should.Throw<OperationCanceledException>(() => Np.Compute([y], cts.Token));
        }
        finally
        {
            ChunkedProgress.Reported -= onProgress;
        }
        Volatile.Read(ref completedOfOurs).ShouldBeLessThan(total / 4, "the compute went on after the token was cancelled");
        // The host and the same lazy array still work.
        y.Compute().ToArray<double>().ShouldAllBe(v => Math.Abs(v - 400 * Math.Sqrt(3.0)) < 1e-9);
    }

    [Fact]
    public void NDArrayCompute_WithACancelledToken_Throws_AndEagerArraysToo()
    {
        using TestHost host = Create();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => ManyTasks().Compute(cts.Token));
        Should.Throw<OperationCanceledException>(() => Np.Arange(3.0).Compute(cts.Token));
        Np.Arange(3.0).Compute(CancellationToken.None).ToArray<double>().ShouldBe([0.0, 1.0, 2.0]);
    }

    [Fact]
    public void UseCancellation_CoversImplicitComputes_ToArrayOfALazyArray()
    {
        using TestHost host = Create();
        NDArray y = ManyTasks();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using (Np.UseCancellation(cts.Token))
        {
            Should.Throw<OperationCanceledException>(() => y.ToArray<double>());
        }
        y.ToArray<double>().Length.ShouldBe(400);                   // outside the scope the token no longer applies
    }

    [Fact]
    public void UseCancellation_Nested_EitherTokenCancels()
    {
        using var outer = new CancellationTokenSource();
        using var inner = new CancellationTokenSource();
        using (Np.UseCancellation(outer.Token))
        using (Np.UseCancellation(inner.Token))
        {
            ArrayDispatch.Dispatch.ComputeCancellation.Token.IsCancellationRequested.ShouldBeFalse();
            outer.Cancel();
            ArrayDispatch.Dispatch.ComputeCancellation.Token.IsCancellationRequested.ShouldBeTrue();
        }
        ArrayDispatch.Dispatch.ComputeCancellation.Token.CanBeCanceled.ShouldBeFalse();
    }
}
