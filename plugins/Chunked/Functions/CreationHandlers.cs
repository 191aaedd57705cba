using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Creation functions (the dispatcher sends them here for <c>backend: "Chunked"</c>, a Chunked scope, or <c>like:</c> a chunked array).</summary>
internal sealed class CreationHandlers(ChunkedContext context)
{
    [Implements("asarray")]
    public DispatchResult<NDArray> AsArray(in AsArrayArgs args, ReadOnlySpan<Type> types) => Creation.AsArray(context, args);

    [Implements("full")]

    public DispatchResult<NDArray> Full(in FullArgs args, ReadOnlySpan<Type> types) => Creation.Full(context, args, empty: false);

    [Implements("empty")]

    public DispatchResult<NDArray> Empty(in FullArgs args, ReadOnlySpan<Type> types) => Creation.Full(context, args, empty: true);

    [Implements("arange")]

    public DispatchResult<NDArray> Arange(in RangeArgs args, ReadOnlySpan<Type> types) => Creation.Arange(context, args);

    [Implements("linspace")]
    public DispatchResult<NDArray> Linspace(in RangeArgs args, ReadOnlySpan<Type> types) => Creation.Linspace(context, args);

    [Implements("eye")]

    public DispatchResult<NDArray> Eye(in EyeArgs args, ReadOnlySpan<Type> types) => Creation.Eye(context, args);

    [Implements("random")]

    public DispatchResult<NDArray> Random(in RandomArgs args, ReadOnlySpan<Type> types) => Creation.Random(context, args);
}
