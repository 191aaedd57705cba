using ArrayDispatch.TestArrays;

namespace VersionedPlugin;

/// <summary>Answers with arrays stamped "v1" or "v2", depending on the build.</summary>
public sealed class VersionedBackend : TestBackend<OtherArray>
{
#if V2
    private const string Stamp = "v2";
#else
    private const string Stamp = "v1";
#endif

    public override string Name => "Versioned";
    protected override OtherArray Make(string seenTypes, double value) => new(Stamp, seenTypes, value);
}
