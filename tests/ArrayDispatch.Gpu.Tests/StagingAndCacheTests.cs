namespace ArrayDispatch.Gpu.Tests;

/// <summary>Pinned, chunked transfers (above 1 MiB, across several 16 MiB chunks) and the device-buffer reuse cache.</summary>
public sealed class StagingAndCacheTests : GpuTestBase
{
    [Fact]
    public void LargeRoundTrip_AcrossSeveralPinnedChunks_KeepsEveryElement()
    {
        const int n = 5_000_003;                     // 40 MB of float64: three chunks, the last one ragged
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = i * 0.5 - 7;
        using GpuArray x = Gpu(data);

        double[] back = x.ToArray<double>();

        back.Length.ShouldBe(n);
        for (int i = 0; i < n; i += 9973) back[i].ShouldBe(data[i]);
        back[n - 1].ShouldBe(data[n - 1]);
        back.AsSpan().SequenceEqual(data).ShouldBeTrue();
        Device.Runtime.Staging.DisabledReason.ShouldBeNull();      // the pinned path ran, not the direct fallback
    }

    [Fact]
    public void LargeDownload_OfAnOffsetView_AndFloat32()
    {
        const int n = 600_000;                       // 2.4 MB of float32: staged
        float[] data = [.. Enumerable.Range(0, n).Select(i => (float)(i % 1000) - 3)];
        using var x = (GpuArray)Np.AsArray(data, backend: "Gpu");
        using var tail = (GpuArray)x[new Slice(5, null)];

        float[] back = tail.ToArray<float>();

        back.AsSpan().SequenceEqual(data.AsSpan(5)).ShouldBeTrue();
    }

    [Fact]
    public void DisposedBuffer_IsReused_ForTheSameSize_AndCountedAsCachedNotAllocated()
    {
        GpuRuntime runtime = Device.Runtime;
        using GpuArray warm = Gpu(new double[1234]);
        long allocated = Device.AllocatedBytes;
        GpuArray first = Gpu(new double[777]);
        long cachedBefore = runtime.CachedBytes;

        first.Dispose();
        runtime.CachedBytes.ShouldBe(cachedBefore + 777 * 8);
        Device.AllocatedBytes.ShouldBe(allocated);
        using GpuArray second = Gpu(Enumerable.Range(0, 777).Select(i => (double)i).ToArray());

        runtime.CachedBytes.ShouldBe(cachedBefore);
        Device.AllocatedBytes.ShouldBe(allocated + 777 * 8);
        second.ToArray<double>()[776].ShouldBe(776.0);
    }

    [Fact]
    public void FailedAllocation_ReleasesTheCacheFirst()
    {
        GpuRuntime runtime = Device.Runtime;
        Gpu(new double[4096]).Dispose();
        runtime.CachedBytes.ShouldBeGreaterThan(0);

        Should.Throw<GpuOutOfMemoryException>(() => Np.Empty(new Shape(1 << 30, 1 << 24), backend: "Gpu"));

        runtime.CachedBytes.ShouldBe(0);
    }

    [Fact]
    public void ForgottenArrays_AreNotRecycled_TheirMemoryMayBeFinalizedAlready()
    {
        for (int round = 0; round < 3; round++)
        {
            Forget();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using GpuArray fresh = Gpu(new[] { 1.0, 2, 3, 4, 5 });      // reclaims the orphans, then allocates the same size

            fresh.ToArray<double>().ShouldBe([1.0, 2, 3, 4, 5]);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Forget()
    {
        for (int i = 0; i < 8; i++) _ = Gpu(new double[5]);
    }
}
