using System.Diagnostics.CodeAnalysis;

namespace ArrayDispatch.Dispatch;

/// <summary>
/// What a handler returns: a value, or <see cref="NotImplemented"/> to let the next candidate try (NEP 18's
/// <c>return NotImplemented</c>). Declining costs a struct return, not an exception.
/// </summary>
public readonly struct DispatchResult<T>
{
    private readonly T? _value;

    private DispatchResult(T value) { _value = value; Handled = true; }

    /// <summary>Whether the handler produced a value.</summary>
    public bool Handled { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The handler declined.</exception>
    public T Value => Handled ? _value! : ThrowNotHandled();

    /// <summary>A handled result.</summary>
    public static DispatchResult<T> Ok(T value) => new(value);

    /// <summary>The handler declines; the dispatcher tries the next candidate.</summary>
    public static DispatchResult<T> NotImplemented => default;

    /// <summary>Wraps a value.</summary>
    public static implicit operator DispatchResult<T>(T value) => new(value);

    /// <summary>Converts <see cref="NotImplemented"/> (the untyped marker) to a typed decline.</summary>
    public static implicit operator DispatchResult<T>(NotImplementedMarker _) => default;

    [DoesNotReturn]
    private static T ThrowNotHandled() =>
        throw new InvalidOperationException("the handler returned NotImplemented, so there is no value. This is a bug in ArrayDispatch; please report it.");
}

/// <summary>The untyped <c>NotImplemented</c> value; converts to any <see cref="DispatchResult{T}"/>.</summary>
public readonly struct NotImplementedMarker;

/// <summary>NEP 18's <c>NotImplemented</c>: <c>return NotImplemented.Value;</c> from a handler to decline.</summary>
public static class NotImplemented
{
    /// <summary>The decline marker.</summary>
    public static NotImplementedMarker Value => default;
}

/// <summary>A backend's implementation of one function.</summary>
/// <param name="args">The call's arguments.</param>
/// <param name="types">The distinct runtime types of the relevant arguments, in dispatch order (NEP 18's <c>types</c>).</param>
public delegate DispatchResult<TResult> ArrayHandler<TArgs, TResult>(in TArgs args, ReadOnlySpan<Type> types)
    where TArgs : struct, IArrayArgs<TArgs>;

/// <summary>Helpers for NEP 18's <c>types</c> check in handlers.</summary>
public static class TypeSpanExtensions
{
    /// <summary>Whether every type is <typeparamref name="TArray"/> or derives from it.</summary>
    public static bool AllAre<TArray>(this ReadOnlySpan<Type> types) where TArray : NDArray
    {
        foreach (Type t in types)
        {
            if (!typeof(TArray).IsAssignableFrom(t)) return false;
        }
        return true;
    }

    /// <summary>Whether every type is assignable to one of <paramref name="accepted"/>.</summary>
    public static bool AllAreAny(this ReadOnlySpan<Type> types, params ReadOnlySpan<Type> accepted)
    {
        foreach (Type t in types)
        {
            bool ok = false;
            foreach (Type a in accepted)
            {
                if (a.IsAssignableFrom(t)) { ok = true; break; }
            }
            if (!ok) return false;
        }
        return true;
    }
}
