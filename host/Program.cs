using ArrayDispatch.Host.Cli;
using Spectre.Console;

// Redirected or piped output has no terminal width; Spectre would assume 80 columns and wrap every table and message.
// Lines as long as their content keep tables readable in files and for grep.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;

return CommandLineApp.Build().Parse(args).Invoke();
