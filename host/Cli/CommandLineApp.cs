using System.CommandLine;

namespace ArrayDispatch.Host.Cli;

/// <summary>The app's commands (System.CommandLine); each starts a generic host and runs against its dispatcher.</summary>
internal static class CommandLineApp
{
    public static RootCommand Build()
    {
        var config = new Option<string[]>("--config")
        {
            Description = "Override a configuration key, e.g. --config ArrayDispatch:Priority:0=Gpu (repeatable)",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var root = new RootCommand("ArrayDispatch: the NumPy API as a protocol over pluggable array backends");
        root.Options.Add(config);

        var demo = new Command("demo", "Run the seed examples: a third-party array opting in to sum, then one call per backend");
        var output = new Option<DirectoryInfo>("--output") { Description = "Where the demo writes files (svd.dot, svd.svg)", DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()) };
        demo.Options.Add(output);
        demo.SetAction(p => Guarded(() => DemoCommand.Run(Overrides(p, config), p.GetValue(output)!)));
        root.Subcommands.Add(demo);

        var backends = new Command("backends", "List every plugin found: status, owned types, functions, priority");
        var backendsJson = new Option<bool>("--json") { Description = "Write one JSON object instead of the table" };
        var backendsFunctions = new Option<bool>("--functions") { Description = "Also list each backend's functions and its coverage of the array API standard" };
        backends.Options.Add(backendsJson);
        backends.Options.Add(backendsFunctions);
        backends.SetAction(p => Guarded(() => BackendsCommand.Run(Overrides(p, config), p.GetValue(backendsJson), p.GetValue(backendsFunctions))));
        root.Subcommands.Add(backends);

        var function = new Argument<string>("function") { Description = "A function name, e.g. add or linalg.svd" };
        var types = new Argument<string[]>("types") { Description = "Array type names or backend names, in argument order", Arity = ArgumentArity.ZeroOrMore };
        var explain = new Command("explain", "Show the candidate chain for a function on some argument types, and why");
        var signature = new Option<bool>("--signature") { Description = "Print the function's argument struct, its fields and result type instead of the chain" };
        explain.Arguments.Add(function);
        explain.Arguments.Add(types);
        explain.Options.Add(signature);
        var explainJson = new Option<bool>("--json") { Description = "Write the chain as one JSON object instead of the table" };
        explain.Options.Add(explainJson);
        explain.SetAction(p => Guarded(() => ExplainCommand.Run(Overrides(p, config), p.GetValue(function)!, p.GetValue(types) ?? [], p.GetValue(signature), p.GetValue(explainJson))));
        root.Subcommands.Add(explain);

        var worker = new Command("worker", "Run an Orleans silo that computes Chunked graphs for apps with --config ArrayDispatch:Backends:Chunked:Scheduler=Orleans");
        worker.SetAction(p => Guarded(() => WorkerCommand.Run(Overrides(p, config))));
        root.Subcommands.Add(worker);

        ConformanceCommand.AddTo(root, config);
        HashCommand.AddTo(root);

        root.SetAction(p => Guarded(() => DemoCommand.Run(Overrides(p, config), new DirectoryInfo(Directory.GetCurrentDirectory()))));
        return root;
    }

    /// <summary>
    /// Runs a command, turning the protocol's errors (no backend implements a call, a shape/dtype/argument refused, a
    /// singular matrix, a chunk task that failed, a plugin whose first-use handler factory failed) into one message and
    /// exit code 1 instead of a stack trace: they are answers about the input, the configuration (e.g. a Chunked chunk
    /// backend without linalg.qr) or a plugin (the message names the backend and the function), not crashes of the app.
    /// Anything else is a bug and keeps its stack trace.
    /// </summary>
    internal static int Guarded(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception ex) when (ex is NoImplementationException or BackendCallException or ArgumentException or NotSupportedException
                                       or LinAlgException or IOException or UnauthorizedAccessException
                                       or ArrayDispatch.Runtime.Plugins.PluginRegistrationException
                                   || ex.GetType().Name == "ChunkTaskException")   // by name: the host never references a plugin's types
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static string[] Overrides(ParseResult p, Option<string[]> config) => p.GetValue(config) ?? [];
}
