using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// The plugin's <see cref="IChunkTaskRunner"/>: what a worker process (an Orleans silo whose host loads this plugin from its
/// folder) runs tasks and moves values with. Registered in the services of every host that loads the plugin.
/// </summary>
internal sealed class ChunkTaskRunner(IArrayDispatcher dispatcher) : IChunkTaskRunner
{
    public object Run(byte[] spec, object[] inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(inputs);
        cancellationToken.ThrowIfCancellationRequested();
        using (Np.UseDispatcher(dispatcher))
        {
            TaskSpec task = TaskSpecCodec.Read(spec, dispatcher);
            return TaskSpecCodec.Run(task, dispatcher, inputs, cancellationToken);
        }
    }

    public byte[] WriteValue(object value) => TaskSpecCodec.WriteValue(value, dispatcher);

    public object ReadValue(byte[] data) => TaskSpecCodec.ReadValue(data, dispatcher);

    public long SizeOf(object value) => TaskSpecCodec.SizeOf(value);
}
