using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>How the typed Sparse API calls a function: options without null entries, creation functions on Sparse unless a scope says otherwise.</summary>
internal static class SparseCall
{
    public static NDArray[] Invoke(ArrayFunction<CallArgs, NDArray[]> function, NDArray[] arrays, params (string Key, object? Value)[] options)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((string key, object? value) in options)
        {
            if (value is not null) map[key] = value;
        }
        return function.Invoke(Np.Dispatcher, new CallArgs(arrays, map));
    }

    /// <summary>A creation function (no arrays to dispatch on) goes to <paramref name="backend"/>, as NEP 35's <c>like=</c> would.</summary>
    public static NDArray[] Create(ArrayFunction<CallArgs, NDArray[]> function, string backend, params (string Key, object? Value)[] options)
    {
        using (Np.UseBackend(backend)) return Invoke(function, [], options);
    }
}
