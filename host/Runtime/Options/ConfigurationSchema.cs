using System.Reflection;
using ArrayDispatch.Runtime.Plugins;
using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Runtime.Options;

/// <summary>
/// Checks the raw <c>ArrayDispatch</c> section against the shape of <see cref="ArrayDispatchOptions"/> before it is bound:
/// unknown keys (with the nearest valid key), values that are not booleans where a boolean is expected, scalars where a
/// list or section is expected. The configuration binder would ignore the first silently and throw a stack trace for the
/// second; here each becomes one line with its key path. <c>Backends:&lt;Name&gt;</c> belongs to the plugins and is not checked.
/// </summary>
internal static class ConfigurationSchema
{
    /// <summary>Every problem of <paramref name="section"/>, one line each, prefixed with its key path.</summary>
    public static IReadOnlyList<string> Check(IConfiguration section)
    {
        var problems = new List<string>();
        string path = section is IConfigurationSection s ? s.Path : ArrayDispatchOptions.SectionName;
        CheckSection(section, typeof(ArrayDispatchOptions), path, problems);
        return problems;
    }

    private static void CheckSection(IConfiguration node, Type type, string path, List<string> problems)
    {
        PropertyInfo[] properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        foreach (IConfigurationSection child in node.GetChildren())
        {
            if (type == typeof(ArrayDispatchOptions) && child.Key.Equals("Backends", StringComparison.OrdinalIgnoreCase))
            {
                // The settings under Backends:<Name> are the plugin's own; a value in place of the section is read by nobody.
                if (!string.IsNullOrEmpty(child.Value)) problems.Add($"{child.Path}: expected a section of backends' settings (Backends:<Name>:<Setting>), found the single value '{child.Value}'");
                foreach (IConfigurationSection backend in child.GetChildren())
                {
                    if (!string.IsNullOrEmpty(backend.Value)) problems.Add($"{backend.Path}: expected a section of the backend's settings (Backends:{backend.Key}:<Setting>), found the single value '{backend.Value}'");
                }
                continue;
            }
            PropertyInfo? property = properties.FirstOrDefault(p => p.Name.Equals(child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                IEnumerable<string> valid = properties.Select(p => p.Name).Concat(type == typeof(ArrayDispatchOptions) ? ["Backends"] : []);
                string? near = NameMatcher.Nearest(child.Key, valid);
                problems.Add($"{child.Path}: unknown key '{child.Key}'.{(near is null ? $" Valid keys: {string.Join(", ", valid)}." : $" Did you mean '{near}'?")}");
                continue;
            }
            CheckValue(child, property.PropertyType, problems);
        }
    }

    private static void CheckValue(IConfigurationSection node, Type type, List<string> problems)
    {
        bool hasChildren = node.GetChildren().Any();
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            if (hasChildren) problems.Add($"{node.Path}: expected one value, found a section");
        }
        else if (target == typeof(bool))
        {
            if (hasChildren || !bool.TryParse(node.Value, out _)) problems.Add($"{node.Path}: '{node.Value}' is not a boolean; use true or false");
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (!string.IsNullOrEmpty(node.Value))
            {
                // Beside items from another source (a list in appsettings.json, a scalar from the environment or the
                // command line) the binder keeps the items and drops the value silently.
                problems.Add($"{node.Path}: expected a list ({node.Key}:0, {node.Key}:1, …), found the single value '{node.Value}'"
                    + (hasChildren ? $" beside the list's items from another source (a list is overridden item by item: {node.Key}:0={node.Value})" : ""));
                return;
            }
            foreach (IConfigurationSection item in node.GetChildren())
            {
                if (!int.TryParse(item.Key, out _)) problems.Add($"{item.Path}: '{item.Key}' is not a list index; {node.Key} is a list ({node.Key}:0, {node.Key}:1, …)");
                else CheckValue(item, target.GetGenericArguments()[0], problems);
            }
        }
        else if (target.IsGenericType && target.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            if (!string.IsNullOrEmpty(node.Value)) problems.Add($"{node.Path}: expected a section of names, found the single value '{node.Value}'");
            foreach (IConfigurationSection entry in node.GetChildren()) CheckValue(entry, target.GetGenericArguments()[1], problems);
        }
        else if (target.IsClass)
        {
            if (!string.IsNullOrEmpty(node.Value)) problems.Add($"{node.Path}: expected a section, found the single value '{node.Value}'");
            CheckSection(node, target, node.Path, problems);
        }
    }
}
