using System.Runtime.CompilerServices;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Memory;

namespace ArrayDispatch.Dense.Storage;

// Deferred results: the library's answer to NumPy's temporary elision. NumPy adds `+ b` in place into the buffer of
// `a * 2.0` because that temporary has one reference; .NET cannot see that a temporary is unreachable. So a large
// element-wise result of an array and a scalar (`a * 2.0`, `1.0 - a`) is not computed when it is made: its storage
// keeps the recipe (DeferredElements) and computes its values the first time anything reads them. An element-wise
// operation that reads the whole of it (`+ b`, `np.exp`, a comparison) computes it block by block into a cache-sized
// buffer instead, so `a * 2.0 + b` reads a and b once and writes one result, where eager evaluation writes and reads an
// 80 MB temporary more (issue #21).
//
// The rule that keeps this invisible: a deferred result must never see a write to its input made after it was made.
// Every write to a storage goes through an access that may write (Elements, Pointer, ByteReference, Managed), which
// first computes the deferred results that read it (its dependents); kernels reading an input use ReadElements, which
// does not. Storage whose memory code outside the library can write without such an access (a span, Memory, pointer or
// HostBuffer handed out, a caller's .NET array wrapped: MarkEscaped) is never the input of a deferred result.
internal unsafe partial class DenseStorage
{
    /// <summary>A deferred result's recipe and the deferred results reading this storage; made on first need, never unset.</summary>
    internal sealed class Deferral
    {
        /// <summary>How to compute this storage's values; null once computed (or dropped). Guarded by the instance's lock.</summary>
        public DeferredElements? Recipe;

        /// <summary>Deferred results that read this storage. Guarded by the instance's lock.</summary>
        public List<WeakReference<DenseStorage>>? Dependents;

        /// <summary>Whether either field may be set (read without the lock, on every access of a storage that had a deferral).</summary>
        public volatile bool Active;
    }

    /// <summary>Whether this storage's values are still to be computed.</summary>
    public bool IsDeferred => _deferral is { Recipe: not null };

    /// <summary>Whether code outside the library may write the memory without an access this class sees (see the file's comment).</summary>
    public bool IsEscaped => _escaped;

    /// <summary>The recipe of a deferred storage (null when its values exist).</summary>
    public DeferredElements? Recipe => _deferral?.Recipe;

    /// <summary>
    /// A deferred result of <paramref name="length"/> elements of <paramref name="elementSize"/> bytes computed by
    /// <paramref name="recipe"/> at first use; it holds one reference (for the array made over it) and registers with
    /// the recipe's inputs so that a write to them computes it first.
    /// </summary>
    public static DenseStorage Deferred(long length, int elementSize, DeferredElements recipe)
    {
        var storage = new Native(length, checked(length * elementSize), new Deferral { Recipe = recipe, Active = true });
        foreach (DenseStorage input in recipe.Inputs) input.AddDependent(storage);
        return storage;
    }

    /// <summary>Hands the memory to code outside the library (spans, Memory, pointers): computed now, and never again an input of a deferred result.</summary>
    public void MarkEscaped()
    {
        Settle(write: true);
        _escaped = true;
    }

    private void AddDependent(DenseStorage dependent)
    {
        Deferral deferral = _deferral ?? Interlocked.CompareExchange(ref _deferral, new Deferral(), null) ?? _deferral!;
        lock (deferral)
        {
            List<WeakReference<DenseStorage>> list = deferral.Dependents ??= [];
            if (list.Count >= 8) list.RemoveAll(static w => !w.TryGetTarget(out DenseStorage? s) || !s.IsDeferred);
            list.Add(new WeakReference<DenseStorage>(dependent));
            deferral.Active = true;
        }
    }

    /// <summary>
    /// Before an access: computes this storage's values if deferred, and before an access that may write, the deferred
    /// results that read it.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Settle(bool write)
    {
        if (_deferral is not { Active: true } deferral) return;
        if (deferral.Recipe is not null) Compute(deferral);
        if (write && deferral.Dependents is { Count: > 0 }) ComputeDependents(deferral);
        lock (deferral)
        {
            if (deferral.Recipe is null && deferral.Dependents is not { Count: > 0 }) deferral.Active = false;
        }
    }

    private void Compute(Deferral deferral)
    {
        lock (deferral)
        {
            if (deferral.Recipe is not { } recipe) return;
            void* p = Rent(Length, recipe.ElementSize, out long bytes);
            try
            {
                recipe.Fill((nint)p, Length);
            }
            catch
            {
                NativePool.Return(p, bytes);
                Interlocked.Add(ref s_liveBytes, -bytes);
                throw;
            }
            var block = new NativeBlock((nint)p, bytes);
            _block = block;
            Track(this, block);
            Volatile.Write(ref _pointer, (nint)p);
            deferral.Recipe = null;
            recipe.Detach();
        }
    }

    private static void ComputeDependents(Deferral deferral)
    {
        WeakReference<DenseStorage>[] dependents;
        lock (deferral)
        {
            dependents = [.. deferral.Dependents!];
            deferral.Dependents.Clear();
        }
        // Through the weak references one at a time, never all held at once: results dropped unread are still in the list
        // until a collection clears them, and the collection a computed one's allocation runs clears them before their turn.
        foreach (WeakReference<DenseStorage> w in dependents)
        {
            if (w.TryGetTarget(out DenseStorage? s)) s.Settle(write: false);
        }
    }

    // The last reference went (or the finalizer ran) before the values were needed: they never will be.
    private static void Drop(Deferral deferral)
    {
        DeferredElements? recipe;
        lock (deferral)
        {
            recipe = deferral.Recipe;
            deferral.Recipe = null;
        }
        recipe?.Detach();
    }
}
