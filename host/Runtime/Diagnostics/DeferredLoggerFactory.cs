using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>
/// Plugins load while services are still being added, before the host's logging exists. This factory buffers what they
/// log until the container is built, then replays it to the real <see cref="ILoggerFactory"/> and forwards from then on.
/// </summary>
internal sealed class DeferredLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Message, Exception? Error)> _buffer = new();
    private readonly Lock _gate = new();
    private ILoggerFactory? _target;

    public void Attach(ILoggerFactory target)
    {
        lock (_gate)
        {
            if (_target is not null) return;
            _target = target;
            while (_buffer.TryDequeue(out var e))
            {
#pragma warning disable CA2254 // replaying an already formatted message
                target.CreateLogger(e.Category).Log(e.Level, e.Id, e.Error, e.Message);
#pragma warning restore CA2254
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("add logging providers to the host, not to ArrayDispatch's deferred logger");

    public void Dispose() { }

    private sealed class DeferredLogger(DeferredLoggerFactory owner, string category) : ILogger
    {
        private ILogger? _real;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Real?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Real?.IsEnabled(logLevel) ?? logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Real is { } real)
            {
                real.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            lock (owner._gate)
            {
                if (owner._target is null)
                {
                    owner._buffer.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
                    return;
                }
            }
            Real!.Log(logLevel, eventId, state, exception, formatter);
        }

        private ILogger? Real => _real ??= Create();

        // A plugin's logger outlives its host: a Chunked compute still running when the host was disposed threw
        // ObjectDisposedException ('LoggerFactory') at its next log line, after the work was done. Nothing logs then.
        private ILogger? Create()
        {
            if (owner._target is not { } target) return null;
            try
            {
                return target.CreateLogger(category);
            }
            catch (ObjectDisposedException)
            {
                return Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            }
        }
    }
}
