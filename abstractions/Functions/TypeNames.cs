using System.Reflection;

namespace ArrayDispatch.Functions;

/// <summary>
/// Type names as C# writes them (<c>ArrayHandler&lt;BinaryArgs, NDArray&gt;</c>, not <c>ArrayHandler`2</c>): for error
/// messages, and for the host's function reference (which passes the members' nullability).
/// </summary>
internal static class TypeNames
{
    /// <summary>
    /// The C# spelling of <paramref name="type"/> without its namespace ("null" for none), with <c>?</c> on reference
    /// types <paramref name="nullability"/> marks nullable.
    /// </summary>
    internal static string Of(Type? type, NullabilityInfo? nullability = null)
    {
        if (type is null) return "null";
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner) + "?";
        string name = type switch
        {
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(double) => "double",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(string) => "string",
            _ when type == typeof(object) => "object",
            { IsArray: true } => Of(type.GetElementType(), nullability?.ElementType) + "[]",
            { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select((a, i) => Of(a, nullability?.GenericTypeArguments.ElementAtOrDefault(i))))}>",
            _ => type.Name,
        };
        return nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? name + "?" : name;
    }
}
