using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>How the typed Sparse API calls a function: options without null entries, creation functions on Sparse unless a scope says otherwise.</summary>
internal static class SparseCall
{
    public static NDArray[] Invoke(ArrayFunction<CallArgs, NDArray[]> function, NDArray[] arrays, params (string Key, object? Value)[] options) =>
        function.Invoke(Np.Dispatcher, CallArgs.Of(arrays, options));

    /// <summary>A creation function (no arrays to dispatch on) goes to <paramref name="backend"/>, as NEP 35's <c>like=</c> would.</summary>
    public static NDArray[] Create(ArrayFunction<CallArgs, NDArray[]> function, string backend, params (string Key, object? Value)[] options)
    {
        using (Np.UseBackend(backend)) return Invoke(function, [], options);
    }
}
