using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// The cache key of a call: up to <see cref="Capacity"/> distinct relevant types in NEP 18 order, plus the scope chain
/// id. Held inline so that collecting and looking it up allocates nothing.
/// </summary>
internal struct TypeKey : IEquatable<TypeKey>, IRelevantVisitor
{
    public const int Capacity = 4;

    [InlineArray(Capacity)]
    internal struct Buffer { private Type _element0; }

    private Buffer _types;
    private int _count;
    private int _scopeId;
    private bool _overflow;
    private int _hash;

    public readonly int Count => _count;

    /// <summary>More distinct types than fit inline: the call takes the uncached path.</summary>
    public readonly bool Overflow => _overflow;

    public readonly int ScopeId => _scopeId;

    [UnscopedRef]
    public readonly ReadOnlySpan<Type> Types => ((ReadOnlySpan<Type>)_types)[.._count];

    public static TypeKey Collect<TArgs>(in TArgs args, int scopeId) where TArgs : struct, IArrayArgs<TArgs>
    {
        var key = new TypeKey { _scopeId = scopeId };
        args.VisitRelevant(ref key);
        return key;
    }

    /// <summary>The key with its hash, for the dictionary; the inline cache compares types without one (<see cref="SameTypes"/>).</summary>
    public readonly TypeKey WithHash()
    {
        TypeKey keyed = this;
        keyed._hash = ComputeHash();
        return keyed;
    }

    /// <summary>
    /// NEP 18's order: "subclasses before superclasses, otherwise left to right". A new type goes before the first type
    /// already seen that it derives from, else at the end.
    /// </summary>
    public void Visit(NDArray? array)
    {
        if (array is null) return;
        Type type = array.GetType();
        Span<Type> types = _types;
        for (int i = 0; i < _count; i++)
        {
            if (types[i] == type) return;
        }
        if (_count == Capacity) { _overflow = true; return; }
        int at = _count;
        for (int j = 0; j < _count; j++)
        {
            if (types[j].IsAssignableFrom(type)) { at = j; break; }
        }
        for (int k = _count; k > at; k--) types[k] = types[k - 1];
        types[at] = type;
        _count++;
    }

    // A multiplicative mix is enough here: keys are few per table, and HashCode's finaliser costs more than the lookup.
    private readonly int ComputeHash()
    {
        int hash = _scopeId;
        foreach (Type t in Types) hash = (hash * -1521134295) + t.GetHashCode();
        return hash;
    }

    public readonly bool Equals(TypeKey other) => _hash == other._hash && SameTypes(in other);

    /// <summary>The same types in the same order under the same scope chain; needs no hash on either side.</summary>
    public readonly bool SameTypes(in TypeKey other)
    {
        if (_count != other._count || _scopeId != other._scopeId) return false;
        ReadOnlySpan<Type> a = Types, b = other.Types;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i]) return false;
        }
        return true;
    }

    public override readonly bool Equals(object? obj) => obj is TypeKey k && Equals(k);

    public override readonly int GetHashCode() => _hash;
}

/// <summary>Collects every distinct relevant type, without the inline limit (the uncached path).</summary>
internal struct TypeListCollector : IRelevantVisitor
{
    public List<Type> Types;

    public void Visit(NDArray? array)
    {
        if (array is null) return;
        Type type = array.GetType();
        if (Types.Contains(type)) return;
        int at = Types.FindIndex(t => t.IsAssignableFrom(type));
        Types.Insert(at < 0 ? Types.Count : at, type);
    }
}
