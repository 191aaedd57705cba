using ArrayDispatch.Dispatch;

namespace ArrayDispatch;

/// <summary>
/// The array API for dependency injection. Inject it where a class should not depend on the process-wide binding of
/// <see cref="Np"/>: <see cref="Dispatcher"/> reaches the host's dispatcher, and <see cref="Activate"/> sends the
/// <see cref="Np"/> calls of the current async flow to it.
/// </summary>
public interface IArrayApi
{
    /// <summary>The host's dispatcher.</summary>
    IArrayDispatcher Dispatcher { get; }

    /// <summary>Sends the <see cref="Np"/> calls of the current async flow to this host until disposed.</summary>
    IDisposable Activate();

    /// <summary>Creates an array on a backend (<c>Np.AsArray</c> through this host).</summary>
    NDArray AsArray(object source, string? backend = null, DType? dtype = null);

    /// <summary>Runs <paramref name="body"/> with <see cref="Np"/> bound to this host and returns its result.</summary>
    T Run<T>(Func<T> body);
}
