namespace ArrayDispatch.Chunked.Graph;

/// <summary>A task's value taken from another task's: <paramref name="Key"/>'s value, mapped by <paramref name="From"/>.</summary>
/// <param name="Key">The task whose value contains this one's.</param>
/// <param name="From">Takes this task's value out of <paramref name="Key"/>'s.</param>
public sealed record TaskAlternative(string Key, Func<object, object> From)
{
    /// <summary><see cref="From"/> as a description applied to input 0 (see <see cref="TaskSpec"/>), or null.</summary>
    public TaskSpec? FromSpec { get; init; }
}
