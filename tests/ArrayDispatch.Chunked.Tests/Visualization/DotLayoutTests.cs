using System.Diagnostics;
using System.Globalization;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Visualization;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.Visualization;

/// <summary>Graphviz's layout of the pictures: no edge runs through a layer's caption (checked when <c>dot</c> is on the PATH).</summary>
public sealed class DotLayoutTests
{
    public static TheoryData<string, bool> Graphs => new()
    {
        { "v", true }, { "usv", true }, { "v", false }, { "usv", false }, { "sum", true }, { "sum", false }, { "cumsum", false },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Captions_AreClearOfEveryEdge(string what, bool optimize)
    {
        string? graphviz = GraphRenderer.FindOnPath("dot");
        if (graphviz is null) return; // nothing to lay out without Graphviz
        using TestHost host = Create(2, 4, optimize, scheduler: null);
        ChunkedArray[] arrays = Build(what);
        string dot = DotWriter.Write(ChunkedCompute.Plan(arrays));
        Layout layout = Layout.Of(graphviz, dot);
        layout.Captions.ShouldNotBeEmpty();
        foreach ((string caption, Box box) in layout.Captions)
        {
            foreach ((string edge, (double X, double Y)[] points) in layout.Edges)
            {
                points.ShouldNotContain(p => box.Contains(p), $"edge {edge} runs through the caption of {caption}");
            }
        }
    }

    private static ChunkedArray[] Build(string what)
    {
        NDArray x = Np.Random.Sample((5000, 1000), Np.Random.DefaultRng(42), backend: "Chunked", chunks: [1000, 1000]);
        switch (what)
        {
            case "v":
            case "usv":
                var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
                return what == "v" ? [(ChunkedArray)v!] : [(ChunkedArray)u!, (ChunkedArray)s, (ChunkedArray)v!];
            case "sum":
                return [(ChunkedArray)Np.Sum(x * 2.0 + 1.0, 0)];
            default:
                return [(ChunkedArray)Np.Cumsum(x, 0)];
        }
    }

    /// <summary>An axis-aligned box in Graphviz's points.</summary>
    private readonly record struct Box(double X0, double Y0, double X1, double Y1)
    {
        public bool Contains((double X, double Y) p) => p.X > X0 && p.X < X1 && p.Y > Y0 && p.Y < Y1;
    }

    /// <summary>Graphviz's <c>-Tplain</c> layout: the caption nodes' boxes and each edge's spline, sampled.</summary>
    private sealed record Layout(List<(string Caption, Box Box)> Captions, List<(string Edge, (double X, double Y)[] Points)> Edges)
    {
        public static Layout Of(string graphviz, string dot)
        {
            using var process = Process.Start(new ProcessStartInfo(graphviz, ["-Tplain"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            string plain = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0);
            var layout = new Layout([], []);
            foreach (string line in plain.Split('\n'))
            {
                string[] f = line.Split(' ');
                if (f[0] == "node" && f[1].StartsWith('c'))
                {
                    double x = D(f[2]), y = D(f[3]), w = D(f[4]), h = D(f[5]);
                    layout.Captions.Add((f[1], new Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)));
                }
                else if (f[0] == "edge")
                {
                    int n = int.Parse(f[3], CultureInfo.InvariantCulture);
                    var control = new (double X, double Y)[n];
                    for (int i = 0; i < n; i++) control[i] = (D(f[4 + 2 * i]), D(f[5 + 2 * i]));
                    layout.Edges.Add(($"{f[1]}->{f[2]}", Sample(control)));
                }
            }
            return layout;
        }

        private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

        /// <summary>Points along a piecewise cubic Bézier (1 + 3k control points), 20 per piece.</summary>
        private static (double X, double Y)[] Sample((double X, double Y)[] c)
        {
            var points = new List<(double X, double Y)>();
            for (int k = 0; k + 3 < c.Length; k += 3)
            {
                for (int i = 0; i <= 20; i++)
                {
                    double t = i / 20.0, u = 1 - t;
                    double a = u * u * u, b = 3 * u * u * t, cc = 3 * u * t * t, d = t * t * t;
                    points.Add((a * c[k].X + b * c[k + 1].X + cc * c[k + 2].X + d * c[k + 3].X, a * c[k].Y + b * c[k + 1].Y + cc * c[k + 2].Y + d * c[k + 3].Y));
                }
            }
            return [.. points];
        }
    }
}
