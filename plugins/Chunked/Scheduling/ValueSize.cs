using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>The bytes a task result holds, for the peak-memory statistic.</summary>
internal static class ValueSize
{
    public static long Of(object? value) => value switch
    {
        null => 0,
        NDArray a => a.Size * a.DType.ItemSize(),
        QrResult qr => Of(qr.Q) + Of(qr.R),
        SvdResult svd => Of(svd.U) + Of(svd.S) + Of(svd.Vh),
        NDArray[] list => Sum(list),
        Building.ArgPair pair => Of(pair.Value) + Of(pair.Index),
        EighResult eigh => Of(eigh.Eigenvalues) + Of(eigh.Eigenvectors),
        SlogdetResult slogdet => Of(slogdet.Sign) + Of(slogdet.LogAbsDet),
        UniqueResult unique => Of(unique.Values) + Of(unique.Indices) + Of(unique.Inverse) + Of(unique.Counts),
        _ => 0,
    };

    private static long Sum(NDArray[] list)
    {
        long total = 0;
        foreach (NDArray a in list) total += Of(a);
        return total;
    }
}
