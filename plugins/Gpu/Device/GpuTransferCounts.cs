namespace ArrayDispatch.Gpu;

/// <summary>Host ↔ device copies of one accelerator so far.</summary>
/// <param name="Uploads">Host-to-device copies (each <c>Np.AsArray(…, backend: "Gpu")</c> of host data).</param>
/// <param name="UploadedBytes">Their bytes.</param>
/// <param name="Downloads">Device-to-host copies (each <c>ToHost()</c> of a non-empty <see cref="GpuArray"/>, a printed or read-back value included).</param>
/// <param name="DownloadedBytes">Their bytes.</param>
public readonly record struct GpuTransferCounts(long Uploads, long UploadedBytes, long Downloads, long DownloadedBytes)
{
    /// <summary>The copies between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static GpuTransferCounts operator -(GpuTransferCounts after, GpuTransferCounts before) =>
        new(after.Uploads - before.Uploads, after.UploadedBytes - before.UploadedBytes, after.Downloads - before.Downloads, after.DownloadedBytes - before.DownloadedBytes);
}
