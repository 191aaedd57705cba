using ArrayDispatch.Runtime.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>Reports each plugin's outcome and handler failures: Degraded when a plugin was refused or a handler threw.</summary>
internal sealed class ArrayDispatchHealthCheck(PluginLoadReport report, ArrayDispatchMetrics metrics) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        IReadOnlyList<PluginLoadResult> latest = report.Latest;
        foreach (PluginLoadResult r in latest) data[$"plugin:{r.Name}"] = r.Loaded ? "Loaded" + (r.LastReloadFailure is { } f ? $" (last reload failed: {f})" : "") : $"{r.Outcome}: {r.Reason}";
        foreach ((string backend, long count) in metrics.FailuresByBackend) data[$"handler_failures:{backend}"] = count;
        var refused = latest.Where(r => (!r.Loaded && r.Outcome != PluginOutcome.Disabled) || r.LastReloadFailure is not null).ToArray();
        long failures = metrics.FailuresByBackend.Values.Sum();
        if (refused.Length == 0 && failures == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"{latest.Count(r => r.Loaded)} backends loaded", data));
        }
        string description = string.Join("; ", refused.Select(r => r.LastReloadFailure is null ? $"{r.Name}: {r.Outcome}" : $"{r.Name}: reload failed"));
        if (failures > 0) description += (description.Length > 0 ? "; " : "") + $"{failures} handler failures";
        return Task.FromResult(HealthCheckResult.Degraded(description, data: data));
    }
}
