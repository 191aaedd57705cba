using ArrayDispatch.Chunked.Visualization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Visualization;

/// <summary>
/// Without Graphviz, Visualize writes DOT and says once how to get the picture: the demo printed the message twice, once
/// through the host's console logger and once more on standard error.
/// </summary>
public sealed class GraphvizMissingTests
{
    private const string Dot = "digraph { a -> b }";

    [Fact]
    public void The_message_goes_to_the_logger_alone_when_it_writes_warnings()
    {
        string dir = Directory.CreateTempSubdirectory("graphviz-missing").FullName;
        var logger = new RecordingLogger();
        var error = new StringWriter();
        string written = GraphRenderer.Render(Dot, Path.Combine(dir, "g.svg"), logger, graphviz: null, error);
        written.ShouldBe(Path.Combine(dir, "g.dot"));
        File.ReadAllText(written).ShouldBe(Dot);
        logger.Warnings.Count.ShouldBe(1);
        logger.Warnings[0].ShouldStartWith("Graphviz 'dot' is not on the PATH");
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void The_message_goes_to_standard_error_once_when_nothing_logs()
    {
        string dir = Directory.CreateTempSubdirectory("graphviz-missing").FullName;
        var error = new StringWriter();
        GraphRenderer.Render(Dot, Path.Combine(dir, "g.png"), NullLogger.Instance, graphviz: null, error);
        string text = error.ToString();
        text.ShouldStartWith("Graphviz 'dot' is not on the PATH");
        text.Split("Graphviz 'dot' is not on the PATH").Length.ShouldBe(2);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Warnings { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }
}
