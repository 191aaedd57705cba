using System.Runtime.CompilerServices;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// The last call of a function table, as its arguments were visited: the relevant arrays' types left to right (nulls
/// skipped, repeats kept), the scope chain, and the chain that served it. A call with the same visit sequence needs no
/// NEP 18 ordering, no de-duplication and no hash: the hit test compares each type as it is visited and stores nothing,
/// which is most of what a dispatch costs at a call site that always sees the same kinds of arrays.
/// </summary>
internal sealed class RecentCall<TArgs, TResult>(Type[] visited, int scopeId, HandlerChain<TArgs, TResult> chain, Type[] types)
    where TArgs : struct, IArrayArgs<TArgs>
{
    /// <summary>The longest visit sequence remembered; longer argument lists take the keyed path.</summary>
    public const int MaxVisited = VisitRecorder.MaxVisited;

    public readonly Type[] Visited = visited;
    public readonly int ScopeId = scopeId;
    public readonly HandlerChain<TArgs, TResult> Chain = chain;

    /// <summary>The distinct types in NEP 18 order, as handlers receive them.</summary>
    public readonly Type[] Types = types;

    private readonly nint[] _visitedHandles = Array.ConvertAll(visited, ObjectType.HandleOf);

    public bool Matches(in TArgs args, int scopeId)
    {
        if (scopeId != ScopeId) return false;
        var matcher = new VisitMatcher(_visitedHandles);
        args.VisitRelevant(ref matcher);
        return matcher.Matched;
    }

    /// <summary>Records a call's visit sequence; null when it is longer than <see cref="MaxVisited"/>.</summary>
    public static Type[]? Record(in TArgs args)
    {
        var recorder = new VisitRecorder();
        args.VisitRelevant(ref recorder);
        return recorder.Count > MaxVisited ? null : ((ReadOnlySpan<Type>)recorder.Buffer)[..recorder.Count].ToArray();
    }
}

/// <summary>Compares a call's visit sequence with a remembered one; stores nothing.</summary>
/// <remarks>Outside the generic class on purpose: nested there it would be shared generic code over TResult, and the
/// args' <c>VisitRelevant</c> call could not be inlined.</remarks>
internal struct VisitMatcher(nint[] expected) : IRelevantVisitor
{
    private int _index;
    private bool _differs;

    public readonly bool Matched => !_differs && _index == expected.Length;

    public void Visit(NDArray? array)
    {
        if (array is null) return;
        if ((uint)_index >= (uint)expected.Length || ObjectType.HandleOf(array) != expected[_index]) _differs = true;
        _index++;
    }
}

/// <summary>Records up to <see cref="MaxVisited"/> types of a call's visit sequence.</summary>
internal struct VisitRecorder : IRelevantVisitor
{
    public const int MaxVisited = 8;

    [InlineArray(MaxVisited)]
    internal struct Slots { private Type _element0; }

    public Slots Buffer;
    public int Count;

    public void Visit(NDArray? array)
    {
        if (array is null) return;
        if (Count < MaxVisited) Buffer[Count] = array.GetType();
        Count++;
    }
}

/// <summary>
/// An object's exact type as the runtime's type handle (its method table), read from the object header. Why not
/// <see cref="object.GetType"/>: that is a call into the runtime on every visit, and on the dispatch hit path it cost
/// about as much as the rest of the type check; the handle is one load, and <see cref="RuntimeTypeHandle.Value"/> of a
/// class type is the same pointer, so a remembered <see cref="Type"/> compares with it exactly.
/// </summary>
internal static class ObjectType
{
    private sealed class RawData
    {
        public byte Data;
    }

    public static nint HandleOf(Type type) => type.TypeHandle.Value;

    /// <remarks>A GC-tracked interior reference one pointer before the first field, where CoreCLR keeps the method
    /// table pointer (the layout <c>RuntimeHelpers.GetMethodTable</c> reads); the object cannot move under it.</remarks>
    public static nint HandleOf(object obj) => Unsafe.Add(ref Unsafe.As<byte, nint>(ref Unsafe.As<RawData>(obj).Data), -1);
}
