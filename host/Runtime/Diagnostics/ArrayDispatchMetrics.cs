using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>The <c>ArrayDispatch</c> meter and activity source: dispatches, coercions and handler failures per function and backend.</summary>
public sealed class ArrayDispatchMetrics : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "ArrayDispatch";

    /// <summary>The activity source (one per process; activities only start when a listener subscribes).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _dispatches;
    private readonly Counter<long> _coercions;
    private readonly Counter<long> _failures;
    private readonly ConcurrentDictionary<string, long> _failuresByBackend = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments, through <paramref name="meterFactory"/> when the host has one.</summary>
    public ArrayDispatchMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _dispatches = _meter.CreateCounter<long>("arraydispatch.dispatches", "{call}", "Calls handled, by function and backend.");
        _coercions = _meter.CreateCounter<long>("arraydispatch.coercions", "{array}", "Arrays converted to another backend because configuration asked it to coerce.");
        _failures = _meter.CreateCounter<long>("arraydispatch.handler_failures", "{call}", "Handlers that threw an undocumented exception.");
    }

    /// <summary>Handler failures per backend since start.</summary>
    public IReadOnlyDictionary<string, long> FailuresByBackend => _failuresByBackend;

    /// <summary>The dispatch counter, for call paths that test <see cref="Instrument.Enabled"/> before gathering its tags.</summary>
    internal Counter<long> Dispatches => _dispatches;

    internal void Dispatched(string function, string backend)
    {
        if (_dispatches.Enabled) _dispatches.Add(1, new("function", function), new("backend", backend));
    }

    internal void Coerced(string function, string backend) => _coercions.Add(1, new("function", function), new("backend", backend));

    internal void HandlerFailed(string function, string backend)
    {
        _failuresByBackend.AddOrUpdate(backend, 1, static (_, n) => n + 1);
        _failures.Add(1, new("function", function), new("backend", backend));
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
