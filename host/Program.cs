using ArrayDispatch.Host.Cli;
using ArrayDispatch.Runtime.Diagnostics;
using Spectre.Console;

StartupTrace.Mark("Main entered (runtime start, host assembly loaded)");

// The console (and a first table) is made on a second thread while the command line is parsed and the host starts.
ConsoleStartup.Begin();

string[] normalized;
try
{
    // --ArrayDispatch:DefaultBackend=Sparse, as in any generic host, is --config ArrayDispatch:DefaultBackend=Sparse.
    normalized = ConfigSwitches.Normalize(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
var parsed = CommandLineApp.Build().Parse(normalized);
StartupTrace.Mark("command line built and parsed (System.CommandLine)");
int exitCode = parsed.Invoke();
StartupTrace.Mark("command finished");
return exitCode;
