using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// The compound values a task may give (a QR's Q and R, an SVD's factors...) as their arrays, in one place for everything
/// that looks inside a value: the memory statistic, the recycle pool's aliasing check, and member access by name.
/// </summary>
internal static class TaskValues
{
    /// <summary>The arrays <paramref name="value"/> holds (null for a part not computed), or null when it is no compound value.</summary>
    public static NDArray?[]? Parts(object? value) => value switch
    {
        QrResult qr => [qr.Q, qr.R],
        SvdResult svd => [svd.U, svd.S, svd.Vh],
        NDArray[] list => (NDArray?[])list,
        Building.ArgPair pair => [pair.Value, pair.Index],
        EighResult eigh => [eigh.Eigenvalues, eigh.Eigenvectors],
        SlogdetResult slogdet => [slogdet.Sign, slogdet.LogAbsDet],
        UniqueResult unique => [unique.Values, unique.Indices, unique.Inverse, unique.Counts],
        Linalg.TallSkinnyFactor factor => [factor.R, factor.RInverse, factor.Q],
        _ => null,
    };
}
