namespace ArrayDispatch.Dispatch;

/// <summary>Why one backend did not handle a call.</summary>
/// <param name="Backend">The backend.</param>
/// <param name="Reason">Why, e.g. <c>returned NotImplemented</c> or <c>disabled by ArrayDispatch:Functions:add:Disable</c>.</param>
public sealed record Decline(string Backend, string Reason);

/// <summary>A plugin that failed to load, as reported in dispatch errors.</summary>
/// <param name="Name">The plugin's name (its folder name when the assembly could not be read).</param>
/// <param name="Outcome">The load outcome, e.g. <c>DependencyMissing</c>.</param>
/// <param name="Reason">What went wrong.</param>
public sealed record PluginFailure(string Name, string Outcome, string Reason);
