namespace ArrayDispatch;

// NumPy's splitting and joining helpers (array_split, hsplit/vsplit/dsplit, dstack, block): slices, split and
// concatenate composed as NumPy's own Python code composes them, so every backend with those functions serves them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.array_split(x, sections, axis)</c>: <paramref name="sections"/> pieces along <paramref name="axis"/> that
    /// need not divide it equally: the first <c>len % sections</c> pieces are one longer (empty pieces when there are more
    /// sections than elements). Views where the backend has views.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="sections"/> is not positive (NumPy's ValueError, "number sections must be larger than 0.").</exception>
    public static NDArray[] ArraySplit(NDArray x, int sections, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (sections <= 0) throw new ArgumentException("number sections must be larger than 0.", nameof(sections));
        int ax = Shape.NormalizeAxis(axis, x.Rank);
        int n = x.Shape.Dims[ax], each = n / sections, extras = n % sections;
        var pieces = new NDArray[sections];
        int start = 0;
        for (int i = 0; i < sections; i++)
        {
            int stop = start + each + (i < extras ? 1 : 0);
            pieces[i] = GetItem(x, AlongAxis(ax, new Slice(start, stop)));
            start = stop;
        }
        return pieces;
    }

    /// <summary>
    /// <c>numpy.array_split(x, indices, axis)</c>: the pieces between the given split points along <paramref name="axis"/>
    /// (<c>x[:i0], x[i0:i1], …, x[ik:]</c>, Python's slice rules: negative points count from the end, points past the end
    /// give empty pieces).
    /// </summary>
    public static NDArray[] ArraySplit(NDArray x, int[] indices, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        int ax = Shape.NormalizeAxis(axis, x.Rank);
        var pieces = new NDArray[indices.Length + 1];
        int? start = null;
        for (int i = 0; i <= indices.Length; i++)
        {
            int? stop = i < indices.Length ? indices[i] : null;
            pieces[i] = GetItem(x, AlongAxis(ax, new Slice(start, stop)));
            start = stop;
        }
        return pieces;
    }

    /// <summary><c>numpy.hsplit(x, sections)</c>: <see cref="Split(NDArray, int, int)"/> along axis 1 (axis 0 for a 1-d array); equal pieces only.</summary>
    /// <exception cref="ArgumentException">A 0-d array, or a split that is not equal (NumPy's ValueErrors and messages).</exception>
    public static NDArray[] HSplit(NDArray x, int sections) => Split(x, sections, SplitAxis(x, 1, "hsplit"));

    /// <summary><c>numpy.hsplit(x, indices)</c>: <see cref="Split(NDArray, int[], int)"/> along axis 1 (axis 0 for a 1-d array).</summary>
    /// <exception cref="ArgumentException">A 0-d array (NumPy's ValueError and message).</exception>
    public static NDArray[] HSplit(NDArray x, int[] indices) => Split(x, indices, SplitAxis(x, 1, "hsplit"));

    /// <summary><c>numpy.vsplit(x, sections)</c>: <see cref="Split(NDArray, int, int)"/> along axis 0 of an array of two or more dimensions.</summary>
    /// <exception cref="ArgumentException">Fewer than two dimensions, or a split that is not equal (NumPy's ValueErrors and messages).</exception>
    public static NDArray[] VSplit(NDArray x, int sections) => Split(x, sections, SplitAxis(x, 2, "vsplit"));

    /// <summary><c>numpy.vsplit(x, indices)</c>: <see cref="Split(NDArray, int[], int)"/> along axis 0 of an array of two or more dimensions.</summary>
    /// <exception cref="ArgumentException">Fewer than two dimensions (NumPy's ValueError and message).</exception>
    public static NDArray[] VSplit(NDArray x, int[] indices) => Split(x, indices, SplitAxis(x, 2, "vsplit"));

    /// <summary><c>numpy.dsplit(x, sections)</c>: <see cref="Split(NDArray, int, int)"/> along axis 2 of an array of three or more dimensions.</summary>
    /// <exception cref="ArgumentException">Fewer than three dimensions, or a split that is not equal (NumPy's ValueErrors and messages).</exception>
    public static NDArray[] DSplit(NDArray x, int sections) => Split(x, sections, SplitAxis(x, 3, "dsplit"));

    /// <summary><c>numpy.dsplit(x, indices)</c>: <see cref="Split(NDArray, int[], int)"/> along axis 2 of an array of three or more dimensions.</summary>
    /// <exception cref="ArgumentException">Fewer than three dimensions (NumPy's ValueError and message).</exception>
    public static NDArray[] DSplit(NDArray x, int[] indices) => Split(x, indices, SplitAxis(x, 3, "dsplit"));

    // hsplit's axis 1 (0 for 1-d), vsplit's 0, dsplit's 2, and NumPy's refusal of too few dimensions.
    private static int SplitAxis(NDArray x, int minRank, string name)
    {
        ArgumentNullException.ThrowIfNull(x);
        int needed = name == "hsplit" ? 1 : minRank;
        if (x.Rank < needed)
        {
            string plural = needed == 1 ? "1 or more dimensions" : $"{needed} or more dimensions";
            throw new ArgumentException($"{name} only works on arrays of {plural}", nameof(x));
        }
        return name switch
        {
            "hsplit" => x.Rank > 1 ? 1 : 0,
            "vsplit" => 0,
            _ => 2,
        };
    }

    /// <summary><c>numpy.dstack</c>: the arrays as at least 3-d (<see cref="AtLeast3d(NDArray)"/>), joined along axis 2.</summary>
    /// <exception cref="ArgumentException">No arrays (NumPy's ValueError, "need at least one array to concatenate").</exception>
    public static NDArray DStack(params NDArray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Length == 0) throw new ArgumentException("need at least one array to concatenate", nameof(arrays));
        return Concatenate(EachOf(arrays, AtLeast3d), 2);
    }

    /// <summary><c>numpy.block([a, b])</c>: the arrays joined along their last axis (after promoting each to the rank of the largest, at least 1); always a new array.</summary>
    public static NDArray Block(params NDArray[] arrays) => Block((object)arrays);

    /// <summary>
    /// <c>numpy.block([[a, b], [c, d]])</c>: each inner list joined along the last axis, then the rows along the second
    /// last; the arrays are first promoted to a common rank (at least the nesting depth) by prepending ones.
    /// </summary>
    public static NDArray Block(NDArray[][] arrays) => Block((object)arrays);

    /// <summary><c>numpy.block</c> with three levels of nesting: the innermost lists along axis -1, then -2, then -3.</summary>
    public static NDArray Block(NDArray[][][] arrays) => Block((object)arrays);

    /// <summary>
    /// <c>numpy.block(arrays)</c> for any nesting: <paramref name="arrays"/> is an <see cref="NDArray"/> or a list
    /// (<see cref="System.Collections.IEnumerable"/>) of them, nested to the same depth everywhere; the lists at depth d
    /// of D are joined along axis <c>-(D - d)</c> (1-based d) after each array is promoted to rank
    /// <c>max(D, its rank)</c> by prepending ones.
    /// </summary>
    /// <exception cref="ArgumentException">The lists are nested to different depths, a list is empty, or an element is
    /// neither an array nor a list (NumPy's ValueErrors and messages); shapes that do not join raise concatenate's error.</exception>
    public static NDArray Block(object arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        int depth = -1, maxRank = 0;
        BlockDepth(arrays, "arrays", 0, ref depth, ref maxRank);
        int rank = Math.Max(depth, maxRank);
        NDArray result = BlockJoin(arrays, 0, depth, rank);
        return depth == 0 ? CopyInCOrder(result) : result;              // a new array, as NumPy's (concatenate copies even one array)
    }

    // Checks the nesting as NumPy's _block_check_depths_match: every leaf at the same depth, no empty list.
    private static void BlockDepth(object item, string path, int level, ref int depth, ref int maxRank)
    {
        if (item is NDArray a)
        {
            if (depth < 0) depth = level;
            else if (depth != level)
            {
                throw new ArgumentException($"List depths are mismatched. First element was at depth {depth}, but there is an element at depth {level} ({path})", "arrays");
            }
            maxRank = Math.Max(maxRank, a.Rank);
            return;
        }
        if (item is not System.Collections.IEnumerable list || item is string)
        {
            throw new ArgumentException($"{path} is a {item.GetType().Name}: block takes arrays and lists of them", "arrays");
        }
        int i = 0;
        foreach (object? child in list)
        {
            BlockDepth(child ?? throw new ArgumentNullException("arrays", $"{path}[{i}] is null"), $"{path}[{i}]", level + 1, ref depth, ref maxRank);
            i++;
        }
        if (i == 0) throw new ArgumentException($"List at {path} cannot be empty", "arrays");
    }

    private static NDArray BlockJoin(object item, int level, int depth, int rank)
    {
        if (item is NDArray a)
        {
            if (a.Rank == rank) return a;
            int[] dims = Enumerable.Repeat(1, rank - a.Rank).Concat(a.Shape.ToArray()).ToArray();
            return Reshape(a, dims);
        }
        NDArray[] parts = ((System.Collections.IEnumerable)item).Cast<object>().Select(child => BlockJoin(child, level + 1, depth, rank)).ToArray();
        return Concatenate(parts, -(depth - level));
    }
}
