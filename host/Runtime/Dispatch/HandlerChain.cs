using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Diagnostics;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// A frozen candidate chain for one (function, types, scope): tries each handler in order until one does not decline.
/// Built once by <see cref="ChainResolver"/>; invoking it allocates nothing unless a candidate coerces.
/// </summary>
internal sealed class HandlerChain<TArgs, TResult> where TArgs : struct, IArrayArgs<TArgs>
{
    private readonly ArrayHandler<TArgs, TResult>[] _handlers;
    private readonly Candidate[] _candidates;
    private readonly bool[] _coerces;
    private readonly FunctionSupport?[] _supports;   // null where the backend declared no restriction: no check at all
    private readonly Resolution _resolution;
    private readonly ArrayFunction _function;
    private readonly DispatchContext _context;
    private readonly ArrayHandler<TArgs, TResult>? _only;   // the sole candidate when it declared nothing and does not coerce
    private readonly System.Diagnostics.Metrics.Counter<long> _dispatches;   // tested on the hit path before any tag is read

    public HandlerChain(ArrayFunction function, Resolution resolution, DispatchContext context)
    {
        _function = function;
        _resolution = resolution;
        _context = context;
        _handlers = resolution.Candidates.Select(c => (ArrayHandler<TArgs, TResult>)c.Handler).ToArray();
        _candidates = resolution.Candidates.Select(c => c.Explain).ToArray();
        _coerces = _candidates.Select(c => c.Coerces).ToArray();
        _supports = _candidates.Select(c => c.Support).ToArray();
        if (_handlers.Length == 1 && !_coerces[0] && _supports[0] is null) _only = _handlers[0];
        _dispatches = context.Metrics.Dispatches;
    }

    public TResult Invoke(in TArgs args, ReadOnlySpan<Type> types)
    {
        // Tracing costs one check when nobody listens; with a listener each call is an activity tagged with its backend.
        if (ArrayDispatchMetrics.ActivitySource.HasListeners()) return InvokeTraced(in args, types);
        if (_only is { } only) return InvokeOnly(only, in args, types);
        return InvokeCore(in args, types, null);
    }

    /// <summary>The common chain of one candidate with nothing to check: the loop's bookkeeping is most of a hit's cost.</summary>
    private TResult InvokeOnly(ArrayHandler<TArgs, TResult> only, in TArgs args, ReadOnlySpan<Type> types)
    {
        DispatchResult<TResult> result;
        try
        {
            result = only(in args, types);
        }
        catch (Exception) when (RequiredArrays<TArgs>.FirstNull(in args) is not null)
        {
            throw NullArgument(in args)!;   // whatever the handler made of it, the caller's null is the cause
        }
        catch (Exception ex) when (!IsDocumented(ex))
        {
            throw Failed(0, ex);
        }
        if (!result.Handled) throw NoImplementation(in args, types);
        if (result.Value is null) throw ReturnedNull(0);
        if (_dispatches.Enabled) _context.Metrics.Dispatched(_function.Name, _candidates[0].Backend);
        return result.Value;
    }

    private BackendCallException Failed(int candidate, Exception ex)
    {
        _context.Metrics.HandlerFailed(_function.Name, _candidates[candidate].Backend);
        return new BackendCallException(_function.Name, _candidates[candidate].Backend, ex);
    }

    // A handler that answered null (`return (NDArray)null!`, a lookup that found nothing): the caller would meet a
    // NullReferenceException far from the plugin, so the plugin is named here.
    private BackendCallException ReturnedNull(int candidate) =>
        Failed(candidate, new InvalidOperationException("its handler returned null; a handler declines a call with NotImplemented.Value, and otherwise returns the result"));

    // A required array argument that is null ("no implementation found for 'sum' on types []", or Dense's
    // NullReferenceException inside 'dot'): named as the argument the caller left null.
    private ArgumentNullException? NullArgument(in TArgs args) =>
        RequiredArrays<TArgs>.FirstNull(in args) is { } name
            ? new ArgumentNullException(name.Split('[')[0], $"'{_function.Name}' was called with null for its array argument '{name}'.")
            : null;

    private TResult InvokeTraced(in TArgs args, ReadOnlySpan<Type> types)
    {
        using System.Diagnostics.Activity? activity = ArrayDispatchMetrics.ActivitySource.StartActivity(_function.Name);
        activity?.SetTag("arraydispatch.function", _function.Name);
        return InvokeCore(in args, types, activity);
    }

    private TResult InvokeCore(in TArgs args, ReadOnlySpan<Type> types, System.Diagnostics.Activity? activity)
    {
        ArrayHandler<TArgs, TResult>[] handlers = _handlers;
        for (int i = 0; i < handlers.Length; i++)
        {
            if (_supports[i] is { } support && !support.Takes(in args)) continue;   // declared up front: not its call (no message built)
            DispatchResult<TResult> result;
            try
            {
                result = _coerces[i] ? InvokeCoerced(i, args) : handlers[i](in args, types);
            }
            catch (Exception) when (RequiredArrays<TArgs>.FirstNull(in args) is not null)
            {
                throw NullArgument(in args)!;
            }
            catch (Exception ex) when (!IsDocumented(ex))
            {
                throw Failed(i, ex);
            }
            if (result.Handled)
            {
                if (result.Value is null) throw ReturnedNull(i);
                activity?.SetTag("arraydispatch.backend", _candidates[i].Backend);
                if (_dispatches.Enabled) _context.Metrics.Dispatched(_function.Name, _candidates[i].Backend);
                return result.Value;
            }
        }
        throw NoImplementation(in args, types);
    }

    /// <summary>uarray's <c>__ua_convert__</c>: moves arrays the backend does not own onto it, then calls its handler.</summary>
    private DispatchResult<TResult> InvokeCoerced(int index, in TArgs args)
    {
        string backend = _candidates[index].Backend;
        TArgs converted = args.MapRelevant(a => _context.ConvertTo(a, backend, _function.Name));
        var collector = new TypeListCollector { Types = [] };
        converted.VisitRelevant(ref collector);
        return _handlers[index](in converted, collector.Types.ToArray());
    }

    private Exception NoImplementation(in TArgs args, ReadOnlySpan<Type> types)
    {
        if (NullArgument(in args) is { } missing) return missing;
        var declines = new List<Decline>();
        for (int i = 0; i < _candidates.Length; i++)
        {
            string reason = _supports[i]?.Refusal(in args) is { } refusal ? $"{refusal} for '{_function.Name}'" : "returned NotImplemented";
            declines.Add(new(_candidates[i].Backend, reason));
        }
        declines.AddRange(_resolution.Excluded);
        return new NoImplementationException(_function.Name, types.ToArray(), declines, _context.Backends.Failures);
    }

    /// <summary>
    /// Exceptions a caller can act on pass through unchanged (bad arguments, linear-algebra failures, unsupported
    /// operations, cancellation, nested dispatch failures, a malformed file the caller gave (<see cref="InvalidDataException"/>,
    /// as <c>Np.Load</c> throws it outside dispatch)); anything else is a backend bug and is wrapped with the function and
    /// backend named.
    /// </summary>
    private static bool IsDocumented(Exception ex) => ex is ArgumentException or ArithmeticException or NotSupportedException
        or OperationCanceledException or InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException
        or OutOfMemoryException or TimeoutException;
}
