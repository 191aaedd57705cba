using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>Arguments of a function of one array and nothing else (<c>copy</c>, <c>linalg.inv</c>, <c>nonzero</c>, …).</summary>
/// <param name="X">The array.</param>
public readonly record struct ArrayArgs(NDArray X) : IArrayArgs<ArrayArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public ArrayArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(X));
}

/// <summary>Arguments of a function of two arrays (<c>matmul</c>, <c>dot</c>, <c>outer</c>, <c>linalg.solve</c>, …).</summary>
/// <param name="A">The first array.</param>
/// <param name="B">The second array.</param>
public readonly record struct PairArgs(NDArray A, NDArray B) : IArrayArgs<PairArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(A);
        visitor.Visit(B);
    }

    /// <inheritdoc/>
    public PairArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(A), map(B));
}

/// <summary>Arguments of <c>meshgrid</c>. Every array is relevant.</summary>
/// <param name="Arrays">The 1-d coordinate arrays.</param>
/// <param name="MatrixIndexing">NumPy's <c>indexing="ij"</c> (matrix); false is its default <c>"xy"</c> (Cartesian: the first two outputs' axes swapped).</param>
public readonly record struct MeshgridArgs(NDArray[] Arrays, bool MatrixIndexing = false) : IArrayArgs<MeshgridArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        foreach (NDArray a in Arrays) visitor.Visit(a);
    }

    /// <inheritdoc/>
    public MeshgridArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Arrays = Array.ConvertAll(Arrays, a => map(a)) };
}

/// <summary>Arguments of a function of a list of arrays (<c>concatenate</c>, <c>stack</c>, <c>compute</c>, …). Every array is relevant.</summary>
/// <param name="Arrays">The arrays.</param>
/// <param name="Axis">The axis, where the function takes one; <see langword="null"/> flattens (NumPy's <c>axis=None</c>).</param>
public readonly record struct ArrayListArgs(NDArray[] Arrays, int? Axis = 0) : IArrayArgs<ArrayListArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        foreach (NDArray a in Arrays) visitor.Visit(a);
    }

    /// <inheritdoc/>
    public ArrayListArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Arrays = Array.ConvertAll(Arrays, a => map(a)) };
}

/// <summary>
/// Arguments of a function defined by a plugin and called by name (<see cref="Np.Call"/>), e.g. <c>"sparse.linalg.cg"</c>.
/// Every array is relevant; <see cref="Options"/> holds the keyword arguments.
/// </summary>
/// <param name="Arrays">The array arguments, in order.</param>
/// <param name="Options">Keyword arguments by name (NumPy spelling), or <see langword="null"/>.</param>
public readonly record struct CallArgs(NDArray[] Arrays, IReadOnlyDictionary<string, object?>? Options = null) : IArrayArgs<CallArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        foreach (NDArray a in Arrays) visitor.Visit(a);
    }

    /// <inheritdoc/>
    public CallArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Arrays = Array.ConvertAll(Arrays, a => map(a)) };

    /// <summary>
    /// Arguments for a typed plugin API: the arrays and the keyword arguments that were given (a <see langword="null"/>
    /// value means "not given", so the handler's default applies, as an omitted Python keyword would).
    /// </summary>
    public static CallArgs Of(NDArray[] arrays, params (string Key, object? Value)[] options)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((string key, object? value) in options)
        {
            if (value is not null) given[key] = value;
        }
        return new CallArgs(arrays, given);
    }

    /// <summary>The keyword argument <paramref name="name"/> converted to <typeparamref name="T"/>, or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">The value cannot be converted to <typeparamref name="T"/>.</exception>
    public T Option<T>(string name, T fallback)
    {
        if (Options is null || !Options.TryGetValue(name, out object? value) || value is null) return fallback;
        if (value is T typed) return typed;
        try
        {
            return (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"keyword argument '{name}' must be {typeof(T).Name}, got {value.GetType().Name} '{value}'", name, ex);
        }
    }
}

/// <summary>Arguments of <c>visualize</c>: draw the task graph behind lazy arrays to a file.</summary>
/// <param name="Arrays">The arrays whose graph to draw.</param>
/// <param name="Path">The output file; its extension picks the format (<c>.dot</c>, <c>.svg</c>, <c>.png</c>).</param>
public readonly record struct VisualizeArgs(NDArray[] Arrays, string Path) : IArrayArgs<VisualizeArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        foreach (NDArray a in Arrays) visitor.Visit(a);
    }

    /// <inheritdoc/>
    public VisualizeArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Arrays = Array.ConvertAll(Arrays, a => map(a)) };
}
