using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Runtime;

/// <summary>The injectable <see cref="IArrayApi"/> of one host.</summary>
internal sealed class ArrayApi(IArrayDispatcher dispatcher) : IArrayApi
{
    public IArrayDispatcher Dispatcher { get; } = dispatcher;

    public IDisposable Activate() => Np.UseDispatcher(Dispatcher);

    public NDArray AsArray(object source, string? backend = null, DType? dtype = null)
    {
        using (Activate()) return Np.AsArray(source, backend, dtype);
    }

    public T Run<T>(Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using (Activate()) return body();
    }
}
