using ArrayDispatch.Runtime.Plugins;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Loaded plugin {Plugin} {Version} from {Folder}: {TypeCount} array types, {FunctionCount} functions")]
    public static partial void PluginLoaded(this ILogger logger, string plugin, Version version, string folder, int typeCount, int functionCount);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Refused plugin {Plugin} from {Folder}: {Outcome}. {Reason}")]
    public static partial void PluginRefused(this ILogger logger, string plugin, string folder, PluginOutcome outcome, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Plugin {Plugin} in {Folder} is disabled by configuration")]
    public static partial void PluginDisabled(this ILogger logger, string plugin, string folder);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Plugin directory {Directory} {Problem}")]
    public static partial void PluginDirectoryMissing(this ILogger logger, string directory, string problem);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Reloaded plugin {Plugin} from {Folder}")]
    public static partial void PluginReloaded(this ILogger logger, string plugin, string folder);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Reload of plugin {Plugin} from {Folder} failed: {Outcome}. {Reason}; the previous version keeps serving")]
    public static partial void PluginReloadFailed(this ILogger logger, string plugin, string folder, PluginOutcome outcome, string reason);

    [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Loaded plugin {Plugin} from {Folder}, a folder added while the app runs")]
    public static partial void PluginAdded(this ILogger logger, string plugin, string folder);

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Dispatch tables rebuilt (generation {Generation}, {BackendCount} backends): {Trigger}")]
    public static partial void SnapshotRebuilt(this ILogger logger, long generation, int backendCount, string trigger);

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Configuration change rejected; the last valid dispatch rules stay in force. {Reason}")]
    public static partial void ConfigurationRejected(this ILogger logger, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Dispatch rules reloaded from configuration")]
    public static partial void ConfigurationApplied(this ILogger logger);
}
