using ArrayDispatch.Host.Cli;

return CommandLineApp.Build().Parse(args).Invoke();
