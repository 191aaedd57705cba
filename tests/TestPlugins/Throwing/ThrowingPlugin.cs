using ArrayDispatch.Plugins;
using ArrayDispatch.TestArrays;
using Microsoft.Extensions.DependencyInjection;

namespace ThrowingPlugin;

/// <summary>A service the plugin adds before its registration fails; it must not reach the host's container.</summary>
public sealed class ThrowingMarker;

/// <summary>Adds a service and a type, then throws: nothing of it may stay.</summary>
public sealed class ThrowingBackend : TestBackend<OtherArray>
{
    public override string Name => "Throwing";
    protected override OtherArray Make(string seenTypes, double value) => new("Throwing", seenTypes, value);

    public override void Register(IBackendBuilder backend)
    {
        backend.Services.AddSingleton<ThrowingMarker>();
        base.Register(backend);
        throw new InvalidOperationException("registration failed halfway on purpose");
    }
}
