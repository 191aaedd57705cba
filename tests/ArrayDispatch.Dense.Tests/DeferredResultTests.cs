using System.Numerics;
using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Issue #21's temporaries: a large float or complex array with a scalar (`a * 2.0`) is a deferred result, computed at
/// its first read or block by block inside the element-wise operation reading it (`a * 2.0 + b` writes one result, as
/// NumPy's temporary elision). Every test checks the values against the same expression computed at once (on arrays
/// the library never defers from: wrapped caller arrays), and that a write to an input after the deferred result was
/// made never reaches it.
/// </summary>
public sealed class DeferredResultTests
{
    private const int N = 150_001;   // more than 1 MB of float64: large enough to defer

    private static double[] Values(int n, int seed) => [.. Enumerable.Range(0, n).Select(i => Math.Sin(i * 0.37 + seed) * 100.0)];

    // A library-made array (deferred results may read it) and a wrapped copy of the same values (they never do).
    private static (DenseArray Owned, DenseArray Wrapped) Pair(int n, int seed)
    {
        double[] v = Values(n, seed);
        var owned = (DenseArray)Np.Copy(DenseArray.From((double[])v.Clone()));
        return (owned, DenseArray.From(v));
    }

    [Fact]
    public void A_large_array_times_a_scalar_is_deferred_and_reads_as_computed_at_once()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray w) = Pair(N, 1);

        var t = (DenseArray)(a * 2.0);
        var eager = (DenseArray)(w * 2.0);

        t.IsDeferred.ShouldBeTrue();
        eager.IsDeferred.ShouldBeFalse();
        t.ToArray<double>().ShouldBe(eager.ToArray<double>());
        t.IsDeferred.ShouldBeFalse();
    }

    [Fact]
    public void An_operation_reading_a_deferred_result_computes_it_blockwise_and_leaves_it_deferred()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray wa) = Pair(N, 2);
        (DenseArray b, DenseArray wb) = Pair(N, 3);

        var t = (DenseArray)(a * 2.0);
        NDArray r = t + b;

        t.IsDeferred.ShouldBeTrue();
        ((DenseArray)r).IsDeferred.ShouldBeFalse();
        r.ToArray<double>().ShouldBe((wa * 2.0 + wb).ToArray<double>());
    }

    public static TheoryData<string> Expressions => new() { "a*2+b", "2-a", "b/(a*3)", "exp(a/50)", "(a*2)>b", "(a*2)+(b*3)", "a*2*3+b", "maximum(a-1,b)", "(a+1)**2", "where(a>0,a*2,b)" };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Composed_expressions_equal_their_eager_values_in_every_float_and_complex_dtype(string expression)
    {
        using var host = TestHost.Create(new DensePlugin());
        foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Float16, DType.Complex128, DType.Complex64 })
        {
            (DenseArray a, DenseArray wa) = Pair(N, 4);
            (DenseArray b, DenseArray wb) = Pair(N, 5);
            NDArray ad = Np.AsType(a, dtype), bd = Np.AsType(b, dtype);
            NDArray fused = Evaluate(expression, ad, bd);
            NDArray eager = Evaluate(expression, Wrapped(ad), Wrapped(bd));
            ShouldBeSame(fused, eager, $"{expression} in {dtype.Name()}");
        }
    }

    // The same elements in an array whose memory was handed out: nothing is deferred from it.
    private static NDArray Wrapped(NDArray x)
    {
        var copy = (DenseArray)Np.Copy(x);
        copy.MarkEscaped();
        return copy;
    }

    private static void ShouldBeSame(NDArray actual, NDArray expected, string? what = null)
    {
        actual.DType.ShouldBe(expected.DType, what);
        actual.Shape.ShouldBe(expected.Shape, what);
        actual.ToArray<Complex>().ShouldBe(expected.ToArray<Complex>(), what);
    }

    private static NDArray Evaluate(string expression, NDArray a, NDArray b) => expression switch
    {
        "a*2+b" => a * 2.0 + b,
        "2-a" => 2.0 - a,
        "b/(a*3)" => b / (a * 3.0),
        "exp(a/50)" => Np.Exp(a / 50.0),
        "(a*2)>b" => a.DType.IsComplex() ? Np.Equal(a * 2.0, b) : Np.Greater(a * 2.0, b),
        "(a*2)+(b*3)" => a * 2.0 + b * 3.0,
        "a*2*3+b" => a * 2.0 * 3.0 + b,
        "maximum(a-1,b)" => Np.Maximum(a - 1.0, b),
        "(a+1)**2" => Np.Power(a + 1.0, 2.0),
        "where(a>0,a*2,b)" => Np.Where(Np.NotEqual(a, 0.0), a * 2.0, b),
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    [Fact]
    public void Writing_an_input_after_the_deferred_result_was_made_does_not_reach_it()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] expected = Values(N, 6).Select(v => v * 2.0).ToArray();
        var writes = new Action<DenseArray>[]
        {
            a => Np.SetItem(a, [5], 1000.0),                                 // setitem
            a => Np.SetItem(a, [10..20], 0.0),                               // setitem through a slice
            a => Np.Add(a, 1.0, @out: a),                                    // out=
            a => ((DenseArray)Np.GetItem(a, 100..)).AsSpan<double>()[0] = -1, // a span of a view, taken after
            a => Np.Negative(Np.GetItem(a, ..1000), @out: Np.GetItem(a, 1000..2000)),
            a => a.Dispose(),                                                // the input's memory goes back to the pool
        };
        for (int k = 0; k < writes.Length; k++)
        {
            Action<DenseArray> write = writes[k];
            (DenseArray a, _) = Pair(N, 6);
            var t = (DenseArray)(a * 2.0);
            var u = (DenseArray)(a * 2.0);
            NDArray r = u + 0.0;                                             // u stays deferred: r was computed blockwise
            write(a);
            t.IsDeferred.ShouldBe(k == writes.Length - 1, $"write {k}");   // disposing is no write: t keeps its own reference
            t.ToArray<double>().ShouldBe(expected, $"write {k}");
            u.ToArray<double>().ShouldBe(expected, $"write {k}");
            r.ToArray<double>().ShouldBe(expected, $"write {k}");
            for (int i = 0; i < 20; i++) GC.Collect();                       // a pooled buffer reused by now must not show through
            using DenseArray reuse = DenseArray.Create(DType.Float64, new Shape(N));
            t.ToArray<double>().ShouldBe(expected, $"write {k}");
        }
    }

    [Fact]
    public void An_out_argument_that_is_the_deferred_result_s_input_gets_the_old_values_combined()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray wa) = Pair(N, 7);
        (DenseArray b, DenseArray wb) = Pair(N, 8);
        double[] expected = (wa * 2.0 + wb).ToArray<double>();

        Np.Add(a * 2.0, b, @out: a);

        a.ToArray<double>().ShouldBe(expected);
    }

    [Fact]
    public void Arrays_whose_memory_was_handed_out_and_integer_arrays_are_computed_at_once()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray w) = Pair(N, 9);
        ((DenseArray)(w * 2.0)).IsDeferred.ShouldBeFalse();                // a wrapped caller array
        _ = a.AsSpan<double>();                                            // a span the library cannot follow
        ((DenseArray)(a * 2.0)).IsDeferred.ShouldBeFalse();
        ((DenseArray)(Np.Arange(N) * 2)).IsDeferred.ShouldBeFalse();       // integer kernels may raise: never moved
        ((DenseArray)(Np.Copy(w) * 2.0)).IsDeferred.ShouldBeTrue();
        ((DenseArray)(Np.Ones(new Shape(100)) * 2.0)).IsDeferred.ShouldBeFalse();   // small: no gain
    }

    [Fact]
    public void Large_creation_results_are_native_and_deferred_results_may_read_them()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray[] made = [Np.Arange((double)N), Np.Linspace(0.0, 1.0, N), Np.Random.Sample(N, Np.Random.DefaultRng(1)), Np.Eye(400)];
        foreach (NDArray m in made)
        {
            ((DenseArray)m).IsNative.ShouldBeTrue();
            ((DenseArray)(m * 2.0)).IsDeferred.ShouldBeTrue();
        }
    }

    [Fact]
    public void Printing_reading_and_saving_an_array_do_not_hand_its_memory_out_but_ToHost_does()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray w) = Pair(N, 13);
        var t = (DenseArray)(a * 2.0);
        string text = a.ToString();
        double[] values = a.ToArray<double>();
        double first = Np.GetItem(a, [0]).Item<double>();
        string path = Path.Combine(Path.GetTempPath(), $"deferred-{Guid.NewGuid():N}.npy");
        Np.Save(path, a);
        File.Delete(path);

        t.IsDeferred.ShouldBeTrue();                                       // reads do not compute a's readers
        ((DenseArray)(a * 2.0)).IsDeferred.ShouldBeTrue();                 // and a may still be read by new ones
        text.ShouldBe(w.ToString());
        values[0].ShouldBe(first);
        using (a.ToHost())
        {
        }
        ((DenseArray)(a * 2.0)).IsDeferred.ShouldBeFalse();                // ToHost's buffer may be written: handed out
        t.ToArray<double>().ShouldBe((w * 2.0).ToArray<double>());
    }

    [Fact]
    public void A_deferred_result_reads_right_through_views_reductions_products_broadcasts_and_printing()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray w) = Pair(600 * 300, 10);
        NDArray a2 = a.Reshape(600, 300), w2 = w.Reshape(600, 300);
        NDArray row = Np.Arange(300.0);

        NDArray Fresh() => a2 * 0.5;
        NDArray eager = w2 * 0.5;
        ((DenseArray)Fresh()).IsDeferred.ShouldBeTrue();
        ShouldBeSame(Fresh()[10..20, ..], eager[10..20, ..]);
        ShouldBeSame(Np.Transpose(Fresh()), Np.Transpose(eager));
        ShouldBeSame(Fresh() + row, eager + row);                            // broadcast: computed first, then the general path
        Np.Sum(Fresh()).Item<double>().ShouldBe(Np.Sum(eager).Item<double>());
        // One deferred result on both sides, as the eager one: x @ x.T of one array is syrk's, of two equal arrays gemm's (last bits differ).
        NDArray rows = Fresh()[..5, ..];
        ShouldBeSame(Np.MatMul(rows, Np.Transpose(rows)), Np.MatMul(eager[..5, ..], Np.Transpose(eager[..5, ..])));
        Fresh().ToString().ShouldBe(eager.ToString());
        var exported = (DenseArray)Fresh();
        _ = exported.ToHost();
        exported.IsDeferred.ShouldBeFalse();
        exported.ToArray<double>().ShouldBe(eager.ToArray<double>());
    }

    [Fact]
    public void Readers_on_many_threads_see_one_computation()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, DenseArray w) = Pair(N, 11);
        double[] expected = (w * 3.0).ToArray<double>();
        for (int round = 0; round < 5; round++)
        {
            NDArray t = a * 3.0;
            double[][] seen = new double[8][];
            Parallel.For(0, 8, i => seen[i] = (i % 2 == 0 ? t : t + 0.0).ToArray<double>());
            foreach (double[] s in seen) s.ShouldBe(expected);
        }
    }

    [Fact]
    public void Dropped_and_disposed_deferred_results_release_their_inputs()
    {
        using var host = TestHost.Create(new DensePlugin());
        (DenseArray a, _) = Pair(N, 12);
        var t = (DenseArray)(a * 2.0);
        t.Dispose();
        WeakReference Drop() => new(a * 2.0);
        WeakReference dropped = Drop();
        for (int i = 0; i < 5 && dropped.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        dropped.IsAlive.ShouldBeFalse();
        a.Dispose();
        a.StorageObject.IsReleased.ShouldBeTrue();                        // no deferred result kept a reference on it
    }
}

/// <summary>
/// Random programs over one input and the deferred results read from it, against a model computed at once: making,
/// fused reading, writing the input in every way the library sees (assignment, out=, a span taken later), reading
/// whole or through a view, disposing. A deferred result must always hold the input's values as they were when it was made.
/// </summary>
public sealed class DeferredResultProgramTests
{
    private const int N = 140_003;

    [Fact]
    public void Deferred_results_hold_the_values_of_when_they_were_made_under_any_sequence_of_reads_and_writes()
    {
        using var host = TestHost.Create(new DensePlugin());
        Gen<(int Op, int Pick, int At, double Value)[]> programs =
            Gen.Select(Gen.Int[0, 6], Gen.Int[0, 7], Gen.Int[0, N - 1], Gen.Double[-4, 4]).Array[1, 12];
        programs.Sample(program =>
        {
            double[] model = [.. Enumerable.Range(0, N).Select(i => (double)(i % 97) - 48)];
            var a = (DenseArray)Np.Copy(DenseArray.From((double[])model.Clone()));
            var made = new List<(NDArray Array, double[] Expected)>();
            foreach ((int op, int pick, int at, double value) in program)
            {
                (NDArray Array, double[] Expected)? chosen = made.Count == 0 ? null : made[pick % made.Count];
                switch (op)
                {
                    case 0:   // make: a with a scalar, in one of four forms
                        double s = Math.Round(value, 2) + 0.5;
                        (NDArray t, Func<double, double> f) = (pick % 4) switch
                        {
                            0 => (a * s, (Func<double, double>)(v => v * s)),
                            1 => (s - a, v => s - v),
                            2 => (a / s, v => v / s),
                            _ => (Np.Maximum(a, s), v => Math.Max(v, s)),
                        };
                        made.Add((t, [.. model.Select(f)]));
                        break;
                    case 1:   // a fused reader
                        if (chosen is { } c1) (c1.Array + a).ToArray<double>().ShouldBe(c1.Expected.Zip(model, (x, y) => x + y).ToArray());
                        break;
                    case 2:   // assignment into a slice of a
                        int end = Math.Min(N, at + 1 + pick * 1000);
                        Np.SetItem(a, [at..end], value);
                        for (int i = at; i < end; i++) model[i] = value;
                        break;
                    case 3:   // out= into a
                        Np.Multiply(a, value, @out: a);
                        for (int i = 0; i < N; i++) model[i] *= value;
                        break;
                    case 4:   // a span of a view of a, taken now, written now and later
                        Span<double> span = ((DenseArray)Np.GetItem(a, at..)).AsSpan<double>();
                        span[0] = value;
                        model[at] = value;
                        break;
                    case 5:   // read a made result whole, or through a view
                        if (chosen is { } c5)
                        {
                            if (pick % 2 == 0) c5.Array.ToArray<double>().ShouldBe(c5.Expected);
                            else Np.GetItem(c5.Array, at..).ToArray<double>().ShouldBe(c5.Expected[at..]);
                        }
                        break;
                    default:  // dispose one
                        if (chosen is { } c6 && pick % 3 == 0)
                        {
                            c6.Array.Dispose();
                            made.Remove(c6);
                        }
                        break;
                }
            }
            a.ToArray<double>().ShouldBe(model);
            foreach ((NDArray array, double[] expected) in made) array.ToArray<double>().ShouldBe(expected);
        }, seed: "0N0XIzNsQ0O2", iter: 60, threads: 1);
    }
}
