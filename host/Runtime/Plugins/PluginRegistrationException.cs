namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// A plugin's registration is invalid (a handler with the wrong signature, an unknown function, a refused service), or a
/// handler registered for first use could not be made when a call first needed it.
/// </summary>
public sealed class PluginRegistrationException : InvalidOperationException
{
    /// <summary>A registration error described by <paramref name="message"/>.</summary>
    public PluginRegistrationException(string message) : base(message) { }

    /// <summary>A registration error described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public PluginRegistrationException(string message, Exception inner) : base(message, inner) { }
}
