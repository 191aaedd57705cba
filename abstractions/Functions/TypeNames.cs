namespace ArrayDispatch.Functions;

/// <summary>Type names as C# writes them (<c>ArrayHandler&lt;BinaryArgs, NDArray&gt;</c>, not <c>ArrayHandler`2</c>), for error messages.</summary>
internal static class TypeNames
{
    /// <summary>The C# spelling of <paramref name="type"/> without its namespace; "null" for none.</summary>
    internal static string Of(Type? type) => type switch
    {
        null => "null",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when type == typeof(object) => "object",
        { IsArray: true } => Of(type.GetElementType()) + "[]",
        { IsGenericType: true } when Nullable.GetUnderlyingType(type) is { } inner => Of(inner) + "?",
        { IsGenericType: true } => $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Of))}>",
        _ => type.Name,
    };
}
