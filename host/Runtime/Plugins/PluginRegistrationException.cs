namespace ArrayDispatch.Runtime.Plugins;

/// <summary>A plugin's registration is invalid (a handler with the wrong signature, an unknown function, a refused service).</summary>
public sealed class PluginRegistrationException(string message) : InvalidOperationException(message);
