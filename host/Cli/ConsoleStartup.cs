using Spectre.Console;
using Spectre.Console.Rendering;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// Spectre.Console made ready on a second thread while the main thread parses the command line, builds the host and
/// loads the plugins (issue #18's start-up row): creating the console (terminal capability detection) and the first
/// table and markup rendering cost ~50 ms of CPU at start-up, most of it first-use JIT of Spectre's generic code over
/// its own value types, which ReadyToRun cannot precompile outside the framework's version bubble (the same thread then
/// runs <see cref="StartupWarmup"/>). The commands write
/// through <see cref="AnsiConsole"/> as before; its console is a <see cref="DeferredConsole"/> that waits for the one
/// made here (long done by the time a command writes) and forwards to it.
/// </summary>
internal static class ConsoleStartup
{
    /// <summary>Starts making the console and installs it as <see cref="AnsiConsole.Console"/>.</summary>
    public static void Begin()
    {
        var ready = new TaskCompletionSource<IAnsiConsole>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => Prepare(ready)) { IsBackground = true, Name = "console start-up" };
        thread.Start();
        AnsiConsole.Console = new DeferredConsole(ready.Task);
    }

    private static void Prepare(TaskCompletionSource<IAnsiConsole> ready)
    {
        IAnsiConsole console;
        try
        {
            // What AnsiConsole makes by default, on standard output.
            console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
                Out = new AnsiConsoleOutput(Console.Out),
            });
            // Redirected or piped output has no terminal width; Spectre would assume 80 columns and wrap every table and
            // message. Lines as long as their content keep tables readable in files and for grep.
            if (Console.IsOutputRedirected) console.Profile.Width = 1000;
        }
        catch (Exception ex)
        {
            ready.SetException(ex);
            return;
        }
        ready.SetResult(console);
        // On one core the warm-up would only take turns with the main thread.
        if (Environment.ProcessorCount > 1) StartupWarmup.Run(console);
    }

    /// <summary>The console the start-up thread makes, waited for at its first use.</summary>
    private sealed class DeferredConsole(Task<IAnsiConsole> console) : IAnsiConsole
    {
        private IAnsiConsole Inner => console.GetAwaiter().GetResult();

        public Profile Profile => Inner.Profile;

        public IAnsiConsoleCursor Cursor => Inner.Cursor;

        public IAnsiConsoleInput Input => Inner.Input;

        public IExclusivityMode ExclusivityMode => Inner.ExclusivityMode;

        public RenderPipeline Pipeline => Inner.Pipeline;

        public void Clear(bool home) => Inner.Clear(home);

        public void Write(IRenderable renderable) => Inner.Write(renderable);

        public void WriteAnsi(Action<AnsiWriter> action) => Inner.WriteAnsi(action);
    }
}
