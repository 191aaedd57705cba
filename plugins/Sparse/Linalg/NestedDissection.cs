namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// A fill-reducing symmetric ordering of the graph of <c>A + Aᵀ</c> by nested dissection with level-structure
/// separators (George's automatic nested dissection): from a pseudo-peripheral vertex, a breadth-first search splits
/// each connected subgraph into levels; the median level is the separator, numbered after both halves, and the halves
/// are dissected in turn. On a k×k grid the separators are about k long, which keeps the LU fill at O(n log n) and the
/// flops at O(n^1.5) where a banded ordering would pay O(n·k) fill. Every step is a breadth-first search, so the whole
/// ordering costs O(nnz · log n) and needs no recursion (an explicit stack of subgraphs).
/// </summary>
internal static class NestedDissection
{
    /// <summary>Subgraphs this small are left in breadth-first order: dissecting them further saves too little fill.</summary>
    private const int LeafSize = 64;

    /// <summary>BFS restarts from the farthest vertex while the eccentricity still grows, at most this many times.</summary>
    private const int PeripheralSweeps = 4;

    /// <summary>The ordering <c>q</c>: new index → old index, for the pattern of the square CSC matrix.</summary>
    public static int[] Order(int n, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices)
    {
        (int[] adjStart, int[] adj) = SymmetricGraph(n, indptr, indices);
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var label = new int[n];          // the subgraph a vertex belongs to now
        var level = new int[n];
        var queue = new int[n];
        int nextLabel = 1;
        var pending = new Stack<(int Lo, int Hi, int Label)>();
        pending.Push((0, n, 0));
        while (pending.Count > 0)
        {
            (int lo, int hi, int id) = pending.Pop();
            if (hi - lo <= LeafSize) continue;
            int root = order[lo];
            int reached = Bfs(root, id, adjStart, adj, label, level, queue, out int rootHeight);
            if (reached < hi - lo)
            {
                // Disconnected: the reached component and the rest are independent subgraphs, no separator needed.
                int a = nextLabel++, b = nextLabel++;
                Split(order, lo, hi, label, queue, reached, id, a, b, out int mid);
                pending.Push((lo, mid, a));
                pending.Push((mid, hi, b));
                continue;
            }
            int height = PseudoPeripheralBfs(root, rootHeight, reached, id, adjStart, adj, label, level, queue);
            if (height < 2) continue;
            int separatorLevel = MedianLevel(queue, hi - lo, level, height);
            int low = nextLabel++, high = nextLabel++, sep = nextLabel++;
            int w = lo;
            for (int k = 0; k < hi - lo; k++)
            {
                int v = queue[k];
                if (level[v] < separatorLevel) { order[w++] = v; label[v] = low; }
            }
            int mid2 = w;
            for (int k = 0; k < hi - lo; k++)
            {
                int v = queue[k];
                if (level[v] > separatorLevel) { order[w++] = v; label[v] = high; }
            }
            int sepStart = w;
            for (int k = 0; k < hi - lo; k++)
            {
                int v = queue[k];
                if (level[v] == separatorLevel) { order[w++] = v; label[v] = sep; }
            }
            pending.Push((lo, mid2, low));
            pending.Push((mid2, sepStart, high));
        }
        return order;
    }

    /// <summary>The adjacency of A + Aᵀ without the diagonal (repeated edges are harmless to a BFS).</summary>
    private static (int[] Start, int[] Adj) SymmetricGraph(int n, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices)
    {
        var start = new int[n + 1];
        for (int j = 0; j < n; j++)
        {
            for (int p = indptr[j]; p < indptr[j + 1]; p++)
            {
                int i = indices[p];
                if (i == j) continue;
                start[i + 1]++;
                start[j + 1]++;
            }
        }
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var fill = (int[])start.Clone();
        var adj = new int[start[n]];
        for (int j = 0; j < n; j++)
        {
            for (int p = indptr[j]; p < indptr[j + 1]; p++)
            {
                int i = indices[p];
                if (i == j) continue;
                adj[fill[i]++] = j;
                adj[fill[j]++] = i;
            }
        }
        return (start, adj);
    }

    /// <summary>Breadth-first search inside subgraph <paramref name="id"/>; returns how many vertices it reached.</summary>
    private static int Bfs(int root, int id, int[] adjStart, int[] adj, int[] label, int[] level, int[] queue, out int height)
    {
        // A vertex is "seen" in this search once its label is flipped to ~id; the labels are restored at the end.
        int seen = ~id;
        queue[0] = root;
        label[root] = seen;
        level[root] = 0;
        int head = 0, tail = 1;
        while (head < tail)
        {
            int v = queue[head++];
            for (int p = adjStart[v]; p < adjStart[v + 1]; p++)
            {
                int u = adj[p];
                if (label[u] != id) continue;
                label[u] = seen;
                level[u] = level[v] + 1;
                queue[tail++] = u;
            }
        }
        for (int k = 0; k < tail; k++) label[queue[k]] = id;
        height = level[queue[tail - 1]];
        return tail;
    }

    /// <summary>
    /// Runs BFS sweeps from ever farther vertices, starting from the search from <paramref name="root"/> already in
    /// <paramref name="queue"/> (the connectivity check's); leaves the last sweep's levels and order in place.
    /// </summary>
    private static int PseudoPeripheralBfs(int root, int height, int reached, int id, int[] adjStart, int[] adj, int[] label, int[] level, int[] queue)
    {
        for (int sweep = 0; sweep < PeripheralSweeps; sweep++)
        {
            int far = queue[reached - 1];
            Bfs(far, id, adjStart, adj, label, level, queue, out int next);
            if (next <= height)
            {
                if (next < height) Bfs(root, id, adjStart, adj, label, level, queue, out next);
                return next;
            }
            root = far;
            height = next;
        }
        return height;
    }

    /// <summary>The level holding the median vertex, kept strictly inside so both halves are non-empty.</summary>
    private static int MedianLevel(int[] queue, int size, int[] level, int height)
    {
        int median = level[queue[size / 2]];
        return Math.Clamp(median, 1, height - 1);
    }

    /// <summary>Moves the first <paramref name="reached"/> BFS vertices to the front of the range, the rest after.</summary>
    private static void Split(int[] order, int lo, int hi, int[] label, int[] queue, int reached, int id, int a, int b, out int mid)
    {
        for (int k = 0; k < reached; k++) label[queue[k]] = a;
        int tail = reached;
        for (int k = lo; k < hi; k++)
        {
            int v = order[k];
            if (label[v] == id) { label[v] = b; queue[tail++] = v; }
        }
        Array.Copy(queue, 0, order, lo, tail);
        mid = lo + reached;
    }
}
