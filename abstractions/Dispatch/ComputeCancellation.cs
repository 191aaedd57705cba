namespace ArrayDispatch.Dispatch;

/// <summary>
/// The cancellation of lazy computes in the current async flow: what <c>Np.Compute(arrays, token)</c>,
/// <c>x.Compute(token)</c> and <c>Np.UseCancellation(token)</c> set, and what a lazy backend's <c>compute</c> (and every
/// compute it starts implicitly, such as reading a lazy array's values) honours by reading <see cref="Token"/>, stopping
/// with an <see cref="OperationCanceledException"/>. A host app cancels through the protocol, never naming the plugin.
/// </summary>
public static class ComputeCancellation
{
    private static readonly AsyncLocal<CancellationToken> s_token = new();

    /// <summary>The token of the current async flow (<see cref="CancellationToken.None"/> outside every scope).</summary>
    public static CancellationToken Token => s_token.Value;

    /// <summary>
    /// Cancels the computes of the current async flow with <paramref name="cancellationToken"/> until the result is
    /// disposed. Scopes nest: inside two, either token cancels.
    /// </summary>
    public static IDisposable Use(CancellationToken cancellationToken)
    {
        CancellationToken previous = s_token.Value;
        CancellationTokenSource? linked = null;
        if (previous.CanBeCanceled && cancellationToken.CanBeCanceled && previous != cancellationToken)
        {
            linked = CancellationTokenSource.CreateLinkedTokenSource(previous, cancellationToken);
            s_token.Value = linked.Token;
        }
        else if (cancellationToken.CanBeCanceled)
        {
            s_token.Value = cancellationToken;
        }
        return new Restorer(previous, linked);
    }

    private sealed class Restorer(CancellationToken previous, CancellationTokenSource? linked) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            s_token.Value = previous;
            linked?.Dispose();
        }
    }
}
