using System.Globalization;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.IO;

/// <summary>
/// Matrix Market (<c>.mtx</c>) coordinate files, as SciPy's <c>mmread</c>/<c>mmwrite</c>: fields real, integer and pattern;
/// symmetry general and symmetric. Every index read is checked against the declared size.
/// </summary>
public static class MatrixMarket
{
    /// <summary>Reads a file.</summary>
    /// <exception cref="InvalidDataException">The file is not a supported Matrix Market file; the message names the file and the line.</exception>
    public static CooArray Load(string path)
    {
        using var reader = new StreamReader(path);
        try
        {
            return Read(reader);
        }
        catch (FormatException e)
        {
            // A malformed file the caller gave: InvalidDataException passes the dispatcher unchanged (a FormatException
            // came out as "backend 'Sparse' failed in 'sparse.mmread'", a backend bug), and the file is named.
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Reads coordinate Matrix Market text: real gives float64, integer int64, pattern float64 ones; symmetric entries are mirrored.</summary>
    /// <exception cref="FormatException">The header or a line is malformed; the message names the line.</exception>
    /// <exception cref="SparseIndexException">An entry's row or column is outside the declared size.</exception>
    public static CooArray Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string header = reader.ReadLine() ?? throw new FormatException("empty Matrix Market file");
        string[] banner = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (banner.Length != 5 || !banner[0].Equals("%%MatrixMarket", StringComparison.OrdinalIgnoreCase) || !banner[1].Equals("matrix", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"line 1: expected '%%MatrixMarket matrix coordinate <field> <symmetry>', got '{header}'");
        }
        string format = banner[2].ToLowerInvariant(), field = banner[3].ToLowerInvariant(), symmetry = banner[4].ToLowerInvariant();
        if (format != "coordinate") throw new FormatException($"line 1: only the 'coordinate' format is supported, not '{format}'");
        if (field is not ("real" or "integer" or "pattern" or "complex")) throw new FormatException($"line 1: field '{field}' is not supported; expected 'real', 'integer', 'complex' or 'pattern'");
        if (symmetry is not ("general" or "symmetric" or "hermitian")) throw new FormatException($"line 1: symmetry '{symmetry}' is not supported; expected 'general', 'symmetric' or 'hermitian'");
        if (symmetry == "hermitian" && field != "complex") throw new FormatException($"line 1: symmetry 'hermitian' needs field 'complex', not '{field}'");
        int lineNumber = 1;
        string? line;
        do { line = reader.ReadLine(); lineNumber++; } while (line is not null && (line.StartsWith('%') || line.Trim().Length == 0));
        if (line is null) throw new FormatException("the size line is missing");
        long[] size = ParseLongs(line, 3, lineNumber);
        // Cast unchecked, "100000000000 100000000000 1" became a 1215752192 x 1215752192 matrix, and a huge entry count
        // was allocated for before any entry was read.
        for (int d = 0; d < 2; d++)
        {
            if (size[d] < 0 || size[d] > int.MaxValue) throw new FormatException($"line {lineNumber}: the matrix's {(d == 0 ? "row" : "column")} count {size[d]} is outside [0, {int.MaxValue}]");
        }
        if (size[2] < 0 || size[2] > Array.MaxLength / 2) throw new FormatException($"line {lineNumber}: the entry count {size[2]} is outside [0, {Array.MaxLength / 2}]");
        int rows = (int)size[0], cols = (int)size[1], nnz = (int)size[2];
        bool symmetric = symmetry != "general", hermitian = symmetry == "hermitian";
        int capacity = Math.Min(symmetric ? 2 * nnz : nnz, 1 << 20);   // the lists grow with the entries actually there
        var r = new List<int>(capacity);
        var c = new List<int>(r.Capacity);
        var real = new List<double>(field == "integer" ? 0 : r.Capacity);
        var integer = new List<long>(field == "integer" ? r.Capacity : 0);
        var complex = new List<System.Numerics.Complex>(field == "complex" ? r.Capacity : 0);
        for (int k = 0; k < nnz; k++)
        {
            line = reader.ReadLine();
            lineNumber++;
            if (line is null) throw new FormatException($"the file ends after {k} of {nnz} entries");
            if (line.Trim().Length == 0 || line.StartsWith('%')) { k--; continue; }
            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int expected = field == "pattern" ? 2 : field == "complex" ? 4 : 3;
            if (parts.Length < expected) throw new FormatException($"line {lineNumber}: expected {expected} values, got '{line}'");
            int i = ParseIndex(parts[0], rows, 0, k, lineNumber), j = ParseIndex(parts[1], cols, 1, k, lineNumber);
            double v = field == "pattern" ? 1 : field == "real" ? ParseDouble(parts[2], lineNumber) : 0;
            long iv = field == "integer" ? ParseLongs(parts[2], 1, lineNumber)[0] : 0;
            System.Numerics.Complex cv = field == "complex" ? new System.Numerics.Complex(ParseDouble(parts[2], lineNumber), ParseDouble(parts[3], lineNumber)) : System.Numerics.Complex.Zero;
            Add(i, j, v, iv, cv);
            if (symmetric && i != j) Add(j, i, v, iv, hermitian ? System.Numerics.Complex.Conjugate(cv) : cv);
        }
        // Copied out of the lists into the allocator's buffers (native when large).
        SparseBuffer values = field switch
        {
            "integer" => SparseBuffers.CopyOf<long>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(integer)),
            "complex" => SparseBuffers.CopyOf<System.Numerics.Complex>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(complex)),
            _ => SparseBuffers.CopyOf<double>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(real)),
        };
        SparseBuffer<int> rowBuffer = SparseBuffers.CopyOf<int>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(r));
        SparseBuffer<int> colBuffer = SparseBuffers.CopyOf<int>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(c));
        return new CooArray([rowBuffer, colBuffer], values, new Shape(rows, cols), false).SumDuplicates();

        void Add(int i, int j, double v, long iv, System.Numerics.Complex cv)
        {
            r.Add(i);
            c.Add(j);
            if (field == "integer") integer.Add(iv);
            else if (field == "complex") complex.Add(cv);
            else real.Add(v);
        }
    }

    /// <summary>Writes a file.</summary>
    public static void Save(string path, SparseArray matrix, bool symmetric = false)
    {
        using var writer = new StreamWriter(path);
        Write(writer, matrix, symmetric);
    }

    /// <summary>
    /// Writes coordinate Matrix Market text: float dtypes as real (17 significant digits), complex ones as complex (both
    /// parts so), integers as integer, bool as pattern. With <paramref name="symmetric"/> only the lower triangle is written, after checking that the matrix is symmetric.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not 2-d, or not symmetric when <paramref name="symmetric"/> is set.</exception>
    public static void Write(TextWriter writer, SparseArray matrix, bool symmetric = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rank != 2) throw new ShapeMismatchException($"Matrix Market files hold 2-d matrices, not shape {matrix.Shape}", nameof(matrix), matrix.Shape);
        CooArray coo = matrix.ToCoo().SumDuplicates();
        if (coo.ValueBuffer is SparseBuffer<bool>)
        {
            // A pattern file lists the true entries: the false ones dropped (Structure.WithValues keeps the rest).
            CooArray kept = (CooArray)Structure.WithValues(coo, coo.ValueBuffer);
            coo.DisposeIfTemporary(matrix);
            coo = kept;
        }
        string field = coo.DType.IsComplex() ? "complex" : coo.DType.IsFloat() ? "real" : coo.DType == DType.Bool ? "pattern" : "integer";
        if (symmetric && !IsSymmetric(coo)) throw new ArgumentException($"the matrix of shape {coo.Shape} is not symmetric, so it cannot be written with symmetry 'symmetric'", nameof(symmetric));
        // The coordinates read in place; the values cast once (not per entry: a cast per entry made writing an int32
        // matrix quadratic in its entries) into the one type the field prints.
        SparseBuffer<int> rowBuffer = coo.CoordBuffers[0], colBuffer = coo.CoordBuffers[1];
        int count = 0;
        for (int k = 0; k < coo.Nnz; k++) if (!symmetric || rowBuffer.Span[k] >= colBuffer.Span[k]) count++;
        using SparseBuffer<System.Numerics.Complex>? complexValues = field == "complex" ? ArrayOps.As<System.Numerics.Complex>(coo.ValueBuffer) : null;
        using SparseBuffer<double>? reals = field == "real" ? ArrayOps.As<double>(coo.ValueBuffer) : null;
        using SparseBuffer<long>? integers = field == "integer" ? ArrayOps.As<long>(coo.ValueBuffer) : null;
        writer.WriteLine($"%%MatrixMarket matrix coordinate {field} {(symmetric ? "symmetric" : "general")}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{coo.Shape.Dims[0]} {coo.Shape.Dims[1]} {count}"));
        for (int k = 0; k < coo.Nnz; k++)
        {
            int row = rowBuffer.Span[k], col = colBuffer.Span[k];
            if (symmetric && row < col) continue;
            string value = field switch
            {
                "pattern" => "",
                "real" => " " + reals!.Span[k].ToString("R", CultureInfo.InvariantCulture),
                "complex" => " " + complexValues!.Span[k].Real.ToString("R", CultureInfo.InvariantCulture) + " " + complexValues.Span[k].Imaginary.ToString("R", CultureInfo.InvariantCulture),
                _ => " " + integers!.Span[k].ToString(CultureInfo.InvariantCulture),
            };
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row + 1} {col + 1}{value}"));
        }
        coo.DisposeIfTemporary(matrix);
    }

    private static bool IsSymmetric(CooArray coo)
    {
        if (coo.Shape.Dims[0] != coo.Shape.Dims[1]) return false;
        var entries = new Dictionary<(int, int), System.Numerics.Complex>();
        using SparseBuffer<System.Numerics.Complex> valueBuffer = ArrayOps.As<System.Numerics.Complex>(coo.ValueBuffer);
        ReadOnlySpan<System.Numerics.Complex> values = valueBuffer.Span;
        ReadOnlySpan<int> rows = coo.Coordinates(0), cols = coo.Coordinates(1);
        for (int k = 0; k < coo.Nnz; k++) entries[(rows[k], cols[k])] = values[k];
        foreach (((int i, int j), System.Numerics.Complex v) in entries)
        {
            if ((entries.TryGetValue((j, i), out System.Numerics.Complex w) ? w : 0) != v) return false;
        }
        return true;
    }


    private static int ParseIndex(string text, int size, int axis, int entry, int lineNumber)
    {
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long one)) throw new FormatException($"line {lineNumber}: '{text}' is not an index");
        if (one < 1 || one > size)
        {
            throw new SparseIndexException(axis == 0 ? "row" : "col", entry, one,
                $"line {lineNumber}: {(axis == 0 ? "row" : "column")} index {one} of entry {entry} is outside [1, {size}] (Matrix Market indices are 1-based)");
        }
        return (int)(one - 1);
    }

    private static double ParseDouble(string text, int lineNumber) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new FormatException($"line {lineNumber}: '{text}' is not a number");

    private static long[] ParseLongs(string line, int count, int lineNumber)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < count) throw new FormatException($"line {lineNumber}: expected {count} integers, got '{line}'");
        var result = new long[count];
        for (int i = 0; i < count; i++)
        {
            if (!long.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i])) throw new FormatException($"line {lineNumber}: '{parts[i]}' is not an integer");
        }
        return result;
    }
}
