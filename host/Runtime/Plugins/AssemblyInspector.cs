using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>What the metadata of an assembly file says, read without loading it.</summary>
internal sealed record AssemblyFacts(AssemblyName Name, IReadOnlyList<AssemblyName> References, IReadOnlyList<string> PluginTypes);

/// <summary>
/// Reads assembly metadata with System.Reflection.Metadata, so a file that is not managed, a protocol mismatch or a
/// too-new shared dependency is refused before anything is loaded into the process.
/// </summary>
internal static class AssemblyInspector
{
    private const string PluginInterface = "ArrayDispatch.Plugins.IArrayBackendPlugin";

    /// <summary>Reads the facts, or returns null with the reason when the file is not a readable .NET assembly.</summary>
    public static AssemblyFacts? TryRead(string path, out string? problem)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                problem = $"'{Path.GetFileName(path)}' is not a .NET assembly (no CLI metadata)";
                return null;
            }
            MetadataReader md = pe.GetMetadataReader();
            if (!md.IsAssembly)
            {
                problem = $"'{Path.GetFileName(path)}' is a module, not an assembly";
                return null;
            }
            AssemblyName name = md.GetAssemblyDefinition().GetAssemblyName();
            var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToArray();
            problem = null;
            return new AssemblyFacts(name, references, FindPluginTypes(md));
        }
        catch (BadImageFormatException ex)
        {
            problem = $"'{Path.GetFileName(path)}' is not a valid .NET assembly: {ex.Message}";
            return null;
        }
        catch (InvalidOperationException ex)
        {
            problem = $"'{Path.GetFileName(path)}' has unreadable metadata (truncated or corrupt?): {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// Public, non-abstract classes that implement the plugin interface, directly or through a base class of the same
    /// assembly. When there is none, classes deriving from a base in another assembly are returned as candidates: their
    /// interfaces are only known once loaded, and the loader checks them then.
    /// </summary>
    private static string[] FindPluginTypes(MetadataReader md)
    {
        var definite = new List<string>();
        var candidates = new List<string>();
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            TypeAttributes attributes = type.Attributes;
            if ((attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public || (attributes & TypeAttributes.Abstract) != 0
                || (attributes & TypeAttributes.Interface) != 0) continue;
            string name = $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";
            switch (Implements(md, handle, depth: 0))
            {
                case true: definite.Add(name); break;
                case null: candidates.Add(name); break;
            }
        }
        return definite.Count > 0 ? definite.ToArray() : candidates.ToArray();
    }

    /// <summary>True if the type implements the plugin interface, false if not, null if a base in another assembly may.</summary>
    private static bool? Implements(MetadataReader md, TypeDefinitionHandle handle, int depth)
    {
        if (depth > 32) return false;
        TypeDefinition type = md.GetTypeDefinition(handle);
        foreach (InterfaceImplementationHandle ih in type.GetInterfaceImplementations())
        {
            EntityHandle iface = md.GetInterfaceImplementation(ih).Interface;
            if (iface.Kind == HandleKind.TypeReference)
            {
                TypeReference reference = md.GetTypeReference((TypeReferenceHandle)iface);
                if ($"{md.GetString(reference.Namespace)}.{md.GetString(reference.Name)}" == PluginInterface) return true;
            }
        }
        EntityHandle baseType = type.BaseType;
        if (baseType.IsNil) return false;
        switch (baseType.Kind)
        {
            case HandleKind.TypeDefinition:
                return Implements(md, (TypeDefinitionHandle)baseType, depth + 1);
            case HandleKind.TypeReference:
                TypeReference reference = md.GetTypeReference((TypeReferenceHandle)baseType);
                string ns = md.GetString(reference.Namespace);
                return ns == "System" ? false : null;
            default:
                return null;   // a generic base instantiation (TypeSpecification) from another assembly
        }
    }
}
