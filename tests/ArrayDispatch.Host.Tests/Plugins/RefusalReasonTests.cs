using ArrayDispatch.Host.Tests.Dispatch;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// What a user reads when a plugin's <c>Register</c> throws (the <c>backends</c> table, the warning log line, the health
/// check): a sentence, without .NET's "(Parameter '…')" suffix naming a C# parameter the user never wrote.
/// </summary>
public sealed class RefusalReasonTests
{
    [Fact]
    public void A_wrong_setting_value_refuses_the_plugin_with_the_key_and_the_expected_value_only()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Flagged:Fast"] = "maybe" },
            new DuckBackend<DuckArray>("Duck"), new Flagged());

        PluginLoadResult r = host.LoadResults.Single(x => x.Name == "Flagged");
        r.Outcome.ShouldBe(PluginOutcome.RegistrationFailed);
        // Was "Register threw ArgumentException: ArrayDispatch:Backends:Flagged:Fast: 'maybe' is not a boolean; use true or false (Parameter 'Fast')".
        r.Reason.ShouldBe("ArrayDispatch:Backends:Flagged:Fast: 'maybe' is not a boolean; use true or false");
    }

    [Fact]
    public void Another_argument_exception_names_the_exception_without_the_parameter_suffix()
    {
        using TestHost host = TestHost.Create(new DuckBackend<DuckArray>("Duck"), new Flagged(fail: true));

        PluginLoadResult r = host.LoadResults.Single(x => x.Name == "Flagged");
        r.Reason.ShouldBe("Register threw ArgumentOutOfRangeException: the tile size must be positive");
    }

    private sealed class Flagged(bool fail = false) : IArrayBackendPlugin
    {
        public string Name => "Flagged";
        public Version ProtocolVersion => ArrayProtocol.Version;

        public void Register(IBackendBuilder backend)
        {
            if (fail) throw new ArgumentOutOfRangeException("tileSize", "the tile size must be positive");
            _ = BackendSettings.Bool(backend.Configuration, "Fast", fallback: false);
        }
    }
}
