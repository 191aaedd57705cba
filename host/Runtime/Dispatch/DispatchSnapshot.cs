using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// One immutable generation of dispatch state (backends + rules). A call reads the snapshot once and uses only it, so a
/// rebuild never disturbs calls in flight. Tables are created lazily per function, in an array indexed by function id.
/// </summary>
internal sealed class DispatchSnapshot(DispatchContext context, long generation)
{
    private readonly Lock _grow = new();
    private object?[] _tables = new object?[Math.Max(FunctionCatalog.Count, 64)];   // FunctionTable<TArgs, TResult> per function id

    public DispatchContext Context { get; } = context;

    public long Generation { get; } = generation;

    /// <summary>Retired by the dispatcher when the next snapshot is published; the invoker cache checks it on every hit.</summary>
    public DispatchGeneration Token { get; } = new();

    public TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        FunctionTable<TArgs, TResult> table = Table(function);
        function.CacheInvoker(table);   // later calls through Np go straight to the table while this generation serves
        return table.Invoke(in args);
    }

    public TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs>
    {
        Placement placement = args.Placement;
        FunctionTable<TArgs, TResult> table = Table(function);
        if (placement.Backend is { } named) return table.GetCreationChain(named, null).Invoke(in args, []);
        BackendScope? scope = BackendScope.Current;
        if (scope is not null) return table.GetCreationChain(null, scope).Invoke(in args, []);
        if (placement.Like is { } like)
        {
            // NEP 35: like= decides; dispatch on the like array's type alone.
            TypeKey likeKey = TypeKey.Collect(new ArrayArgs(like), 0);
            return table.GetChain(in likeKey).Invoke(in args, likeKey.Types);
        }
        return table.Invoke(in args);
    }

    private FunctionTable<TArgs, TResult> Table<TArgs, TResult>(ArrayFunction<TArgs, TResult> function) where TArgs : struct, IArrayArgs<TArgs>
    {
        object?[] tables = Volatile.Read(ref _tables);
        if ((uint)function.Id < (uint)tables.Length && tables[function.Id] is FunctionTable<TArgs, TResult> existing) return existing;
        return CreateTable(function);
    }

    private FunctionTable<TArgs, TResult> CreateTable<TArgs, TResult>(ArrayFunction<TArgs, TResult> function) where TArgs : struct, IArrayArgs<TArgs>
    {
        lock (_grow)
        {
            object?[] tables = _tables;
            if (function.Id >= tables.Length)
            {
                Array.Resize(ref tables, Math.Max(function.Id + 1, tables.Length * 2));
            }
            if (tables[function.Id] is not FunctionTable<TArgs, TResult> table)
            {
                table = new FunctionTable<TArgs, TResult>(function, Context, Token);
                tables[function.Id] = table;
            }
            Volatile.Write(ref _tables, tables);
            return table;
        }
    }
}
