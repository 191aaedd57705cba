namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// The most recently used plans by length, at most <see cref="Capacity"/> of them, as pocketfft keeps its last plans:
/// a program that transforms many different lengths (a sweep over sizes, Bluestein's inner lengths) keeps a bounded
/// amount of twiddle tables, while a loop over one length builds its plan once. A plan is immutable once built, so
/// one that is evicted while another thread still uses it stays valid for that thread.
/// </summary>
internal sealed class PlanCache<TPlan>(Func<int, TPlan> build) where TPlan : class
{
    /// <summary>How many plans are kept.</summary>
    public const int Capacity = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<int, LinkedListNode<(int Length, Lazy<TPlan> Plan)>> _byLength = [];
    private readonly LinkedList<(int Length, Lazy<TPlan> Plan)> _recent = new();

    /// <summary>The number of plans kept now.</summary>
    public int Count
    {
        get { lock (_gate) return _byLength.Count; }
    }

    /// <summary>The plan for <paramref name="length"/>; built once while it stays cached, outside the lock.</summary>
    public TPlan For(int length)
    {
        Lazy<TPlan> plan;
        lock (_gate)
        {
            if (_byLength.TryGetValue(length, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                plan = node.Value.Plan;
            }
            else
            {
                plan = new Lazy<TPlan>(() => build(length));
                _byLength[length] = _recent.AddFirst((length, plan));
                if (_byLength.Count > Capacity)
                {
                    _byLength.Remove(_recent.Last!.Value.Length);
                    _recent.RemoveLast();
                }
            }
        }
        // A plan whose build threw is dropped, so the next call for that length tries again rather than rethrowing.
        try
        {
            return plan.Value;
        }
        catch
        {
            lock (_gate)
            {
                if (_byLength.TryGetValue(length, out var node) && ReferenceEquals(node.Value.Plan, plan))
                {
                    _byLength.Remove(length);
                    _recent.Remove(node);
                }
            }
            throw;
        }
    }
}
