using ArrayDispatch.Dense.Storage;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// How a deferred result's values are computed (see DenseStorage.Deferral.cs): any range of them on demand, so a
/// consumer can compute them block by block into a cache-sized buffer, or all of them into the storage's own buffer.
/// It holds a reference on each input storage until it is computed or dropped, so disposing an input cannot free the
/// memory it will read.
/// </summary>
internal abstract class DeferredElements
{
    private DenseStorage[]? _inputs;

    protected DeferredElements(params DenseStorage[] inputs)
    {
        foreach (DenseStorage input in inputs) input.AddReference();
        _inputs = inputs;
        Inputs = inputs;
    }

    /// <summary>The storages the values are computed from.</summary>
    public IReadOnlyList<DenseStorage> Inputs { get; }

    /// <summary>The size of one element in bytes.</summary>
    public abstract int ElementSize { get; }

    /// <summary>Computes all <paramref name="length"/> values into <paramref name="destination"/> (in parallel when large).</summary>
    public abstract void Fill(nint destination, long length);

    /// <summary>Drops the references on the inputs (once: after the values were computed, or when they never will be).</summary>
    public void Detach()
    {
        if (Interlocked.Exchange(ref _inputs, null) is { } inputs)
        {
            foreach (DenseStorage input in inputs) input.Release();
        }
    }
}

/// <summary>A deferred result of element type <typeparamref name="T"/>.</summary>
internal abstract unsafe class DeferredElements<T>(params DenseStorage[] inputs) : DeferredElements(inputs) where T : unmanaged
{
    public override int ElementSize => sizeof(T);

    /// <summary>Values <c>[start, start + destination.Length)</c> into <paramref name="destination"/>.</summary>
    public abstract void Fill(long start, Span<T> destination);

    public override void Fill(nint destination, long length) =>
        Elementwise.Flat(length, (s, e) => Fill(s, new Span<T>((T*)destination + s, (int)(e - s))));
}

/// <summary><c>K(x, value)</c> (or <c>K(value, x)</c>) over a C-contiguous <c>x</c>: a ufunc of an array and a scalar.</summary>
internal sealed class ScalarOperation<T, K>(DenseStorage input, Elements<T> x, long offset, T value, bool scalarFirst)
    : DeferredElements<T>(input) where T : unmanaged where K : IBinaryKernel<K, T, T>
{
    public override void Fill(long start, Span<T> destination)
    {
        ReadOnlySpan<T> xs = x.AsSpan(offset + start, destination.Length);
        if (scalarFirst) K.Apply(value, xs, destination);
        else K.Apply(xs, value, destination);
    }
}
