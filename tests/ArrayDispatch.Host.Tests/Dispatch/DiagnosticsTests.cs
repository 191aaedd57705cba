using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArrayDispatch.TestArrays;

namespace ArrayDispatch.Host.Tests.Dispatch;

public sealed class DiagnosticsTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base", "Other");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Dispatches_are_counted_and_traced_per_function_and_backend()
    {
        using var host = _plugins.Host();
        var counted = new List<(long Value, string? Function, string? Backend)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ArrayDispatch" && instrument.Name == "arraydispatch.dispatches") listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? function = null, backend = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "function") function = tag.Value as string;
                if (tag.Key == "backend") backend = tag.Value as string;
            }
            lock (counted) counted.Add((value, function, backend));
        });
        meters.Start();
        var activities = new List<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ArrayDispatch",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(tracing);

        Np.Add(new OtherArray(), new BaseArray());

        lock (counted) counted.ShouldContain((1L, "add", "Other"));
        lock (activities) activities.ShouldContain(a => a.OperationName == "add" && (string?)a.GetTagItem("arraydispatch.backend") == "Other");
    }
}
