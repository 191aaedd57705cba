using System.Reflection;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// The array members of an argument struct that may not be null (declared <c>NDArray</c>, not <c>NDArray?</c>). Read
/// only when a call has failed (no candidate, or a handler threw), so a null array is reported as the caller's
/// <see cref="ArgumentNullException"/> naming the argument, not as "no implementation found for 'sum' on types []" or a
/// backend's NullReferenceException. The hit path never reads them.
/// </summary>
internal static class RequiredArrays<TArgs> where TArgs : struct, IArrayArgs<TArgs>
{
    private static readonly (string Name, PropertyInfo Property)[] s_members = Find();

    /// <summary>
    /// The facade's parameter name (<c>x</c>, <c>a</c>) of the first required array member that is null, or of a list
    /// member with a null element (<c>arrays[1]</c>); null when there is none.
    /// </summary>
    public static string? FirstNull(in TArgs args)
    {
        if (s_members.Length == 0) return null;
        object boxed = args;
        foreach ((string name, PropertyInfo property) in s_members)
        {
            object? value = property.GetValue(boxed);
            if (value is null) return name;
            if (value is NDArray[] list && System.Array.IndexOf(list, null) is var at and >= 0) return $"{name}[{at}]";
        }
        return null;
    }

    private static (string, PropertyInfo)[] Find()
    {
        var nullability = new NullabilityInfoContext();
        return typeof(TArgs).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null
                && (p.PropertyType == typeof(NDArray) || p.PropertyType == typeof(NDArray[]))
                && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p))
            .ToArray();
    }
}
