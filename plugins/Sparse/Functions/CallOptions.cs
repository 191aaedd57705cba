using System.Globalization;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Reads and checks the keyword arguments of the plugin's <c>sparse.*</c> functions. Every error names the function and
/// the option, as Python's <c>TypeError: random() got an unexpected keyword argument 'dens'</c> does.
/// </summary>
internal readonly struct CallOptions(string function, IReadOnlyDictionary<string, object?>? options)
{
    /// <summary>Refuses keyword arguments the function does not take.</summary>
    /// <exception cref="ArgumentException">An option is not one of <paramref name="known"/>.</exception>
    public CallOptions Only(params string[] known)
    {
        if (options is null) return this;
        foreach (string name in options.Keys)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                throw new ArgumentException(known.Length == 0
                    ? $"{function} takes no keyword arguments (got '{name}')"
                    : $"{function} got an unexpected keyword argument '{name}'; it takes {string.Join(", ", known.Select(k => $"'{k}'"))}", name);
            }
        }
        return this;
    }

    /// <summary>Whether the option was given (and is not null).</summary>
    public bool Has(string name) => options is not null && options.TryGetValue(name, out object? v) && v is not null;

    /// <summary>An integer option.</summary>
    /// <exception cref="ArgumentException">The value is not an integer, or is below <paramref name="min"/>.</exception>
    public int Int(string name, int fallback, int min = int.MinValue)
    {
        if (!Has(name)) return fallback;
        object value = options![name]!;
        int result = value switch
        {
            int i => i,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            short or byte or sbyte or ushort => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            uint u when u <= int.MaxValue => (int)u,
            _ => throw new ArgumentException($"{function}: option '{name}' must be an integer, got {Describe(value)}", name),
        };
        if (result < min) throw new ArgumentOutOfRangeException(name, result, $"{function}: option '{name}' must be at least {min}, got {result}");
        return result;
    }

    /// <summary>An optional integer option.</summary>
    public int? IntOrNull(string name) => Has(name) ? Int(name, 0) : null;

    /// <summary>A real option.</summary>
    /// <exception cref="ArgumentException">The value is not a number.</exception>
    public double Double(string name, double fallback)
    {
        if (!Has(name)) return fallback;
        object value = options![name]!;
        return value switch
        {
            double d => d,
            float f => f,
            int or long or short or byte or uint or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"{function}: option '{name}' must be a number, got {Describe(value)}", name),
        };
    }

    /// <summary>A boolean option.</summary>
    public bool Bool(string name, bool fallback)
    {
        if (!Has(name)) return fallback;
        return options![name] is bool b ? b : throw new ArgumentException($"{function}: option '{name}' must be true or false, got {Describe(options[name]!)}", name);
    }

    /// <summary>A string option; <paramref name="required"/> ones must be given.</summary>
    public string? String(string name, bool required = false)
    {
        if (!Has(name))
        {
            return required ? throw new ArgumentException($"{function} needs the keyword argument '{name}'", name) : null;
        }
        return options![name] is string s ? s : throw new ArgumentException($"{function}: option '{name}' must be a string, got {Describe(options[name]!)}", name);
    }

    /// <summary>A dtype option: a <see cref="DType"/> or its NumPy name (<c>"float32"</c>).</summary>
    public DType DType(string name, DType fallback)
    {
        if (!Has(name)) return fallback;
        object value = options![name]!;
        if (value is DType d) return SparseDTypes.Require(d, function);
        if (value is string s && DTypes.TryParse(s, out DType parsed)) return SparseDTypes.Require(parsed, function);
        throw new ArgumentException($"{function}: option '{name}' must be a dtype ({DTypes.AllNames}), got {Describe(value)}", name);
    }

    /// <summary>The <c>format</c> option: <c>"coo"</c>, <c>"csr"</c>, <c>"csc"</c> or a <see cref="SparseFormat"/>.</summary>
    public SparseFormat Format(SparseFormat fallback)
    {
        if (!Has("format")) return fallback;
        object value = options!["format"]!;
        if (value is SparseFormat f) return f;
        if (value is string s)
        {
            try
            {
                return SparseFormats.Parse(s, fallback);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"{function}: option 'format' must be 'coo', 'csr' or 'csc', got '{s}'", "format");
            }
        }
        throw new ArgumentException($"{function}: option 'format' must be 'coo', 'csr' or 'csc', got {Describe(value)}", "format");
    }

    /// <summary>A shape option: an <c>int[]</c>, <c>long[]</c>, <see cref="Shape"/>, a tuple of two ints, or one int (1-d).</summary>
    /// <exception cref="ArgumentException">It is missing (when required), not a shape, or has a negative dimension.</exception>
    public Shape? Shape(string name, bool required)
    {
        if (!Has(name))
        {
            return required ? throw new ArgumentException($"{function} needs the keyword argument '{name}' (a shape such as new[] {{ 100, 200 }})", name) : null;
        }
        object value = options![name]!;
        int[] dims = value switch
        {
            int[] a => a,
            long[] l => Array.ConvertAll(l, v => v is >= 0 and <= int.MaxValue ? (int)v : -1),
            Shape s => s.ToArray(),
            ValueTuple<int, int> t => [t.Item1, t.Item2],
            int n => [n],
            _ => throw new ArgumentException($"{function}: option '{name}' must be a shape (int[], Shape or (int, int)), got {Describe(value)}", name),
        };
        foreach (int d in dims)
        {
            if (d < 0) throw new ArgumentException($"{function}: option '{name}' has a negative dimension: {ArrayDispatch.Shape.Format(dims)}", name);
        }
        return new Shape(dims);
    }

    /// <summary>An integer list option (<c>int[]</c>, <c>long[]</c>, or one int).</summary>
    public int[]? Ints(string name)
    {
        if (!Has(name)) return null;
        object value = options![name]!;
        return value switch
        {
            int[] a => a,
            long[] l => Array.ConvertAll(l, v => checked((int)v)),
            int n => [n],
            long n when n is >= int.MinValue and <= int.MaxValue => [(int)n],
            _ => throw new ArgumentException($"{function}: option '{name}' must be an int or an int[], got {Describe(value)}", name),
        };
    }

    private static string Describe(object value) => value switch
    {
        string s => $"'{s}'",
        _ => $"{value.GetType().Name} '{Convert.ToString(value, CultureInfo.InvariantCulture)}'",
    };
}
