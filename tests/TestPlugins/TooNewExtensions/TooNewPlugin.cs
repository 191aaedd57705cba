using ArrayDispatch.Plugins;
using ArrayDispatch.TestArrays;
using Microsoft.Extensions.DependencyInjection;

namespace TooNewExtensionsPlugin;

public sealed class TooNewBackend : TestBackend<OtherArray>
{
    public override string Name => "TooNewExtensions";
    protected override OtherArray Make(string seenTypes, double value) => new("TooNewExtensions", seenTypes, value);

    public override void Register(IBackendBuilder backend)
    {
        backend.Services.AddSingleton<OtherArray>(_ => new OtherArray());
        base.Register(backend);
    }
}
