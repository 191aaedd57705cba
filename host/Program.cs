using ArrayDispatch.Host.Cli;
using ArrayDispatch.Runtime.Diagnostics;
using Spectre.Console;

StartupTrace.Mark("Main entered (runtime start, host assembly loaded)");

// Redirected or piped output has no terminal width; Spectre would assume 80 columns and wrap every table and message.
// Lines as long as their content keep tables readable in files and for grep.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;

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
