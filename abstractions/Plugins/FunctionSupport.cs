using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Plugins;

/// <summary>
/// What one backend takes for one function, declared at registration (<see cref="IBackendBuilder.Declare"/>): the
/// dtypes, whether it writes into a caller's <c>out=</c>, whether it creates arrays of a nonzero fill. The dispatcher
/// checks a call against it before calling the backend (a call outside it goes to the next candidate, and when none is
/// left the error names the dtype or the argument), <c>explain</c> prints it, and a backend composing others (Chunked)
/// reads it instead of learning from a first failed call.
/// </summary>
/// <remarks>
/// A declaration states what the backend never takes; its handlers may still decline a call inside it (NumPy's own
/// refusals, such as <c>floor_divide</c> of complex numbers, stay with the function's rules).
/// </remarks>
public sealed record FunctionSupport
{
    /// <summary>No restriction: every dtype, <c>out=</c>, any fill. What a function without a declaration gets.</summary>
    public static FunctionSupport Everything { get; } = new();

    /// <summary>
    /// The dtypes the backend takes: of every relevant array argument (operands, <c>out=</c>) and of the result asked
    /// for by name (a creation call's or <c>astype</c>'s dtype). A creation call's <c>like=</c> array (NEP 35) only says
    /// which backend creates the array, so its dtype is not judged: <c>arange(…, like=complex64_array)</c> asks for
    /// int64 values.
    /// </summary>
    public DTypeSet DTypes { get; init; } = DTypeSet.All;

    /// <summary>Whether the backend writes into a caller's <c>out=</c> array (a sparse backend does not: its results are new arrays).</summary>
    public bool TakesOut { get; init; } = true;

    /// <summary>
    /// For creation functions with a fill (<c>full</c>, <c>full_like</c>): whether the backend makes arrays whose
    /// elements are not zero (a sparse backend stores only the entries it is given, so it does not).
    /// </summary>
    public bool NonzeroFill { get; init; } = true;

    /// <summary>Why the backend draws these lines, added to the refusal (e.g. "its arrays store only the entries they are given").</summary>
    public string? Reason { get; init; }

    /// <summary>Whether this declares no restriction at all.</summary>
    public bool IsUnrestricted => DTypes == DTypeSet.All && TakesOut && NonzeroFill;

    /// <summary>
    /// Why a call with <paramref name="dtypes"/>, <paramref name="hasOut"/> and <paramref name="nonzeroFill"/> is
    /// outside this declaration, or <see langword="null"/> when it is inside. The reason names the first dtype or
    /// argument refused, e.g. "does not take complex128 (it declares all but complex64, complex128)".
    /// </summary>
    public string? Refusal(DTypeSet dtypes, bool hasOut, bool nonzeroFill)
    {
        if (Takes(dtypes, hasOut, nonzeroFill)) return null;
        string? refusal = null;
        if (!DTypes.IsSupersetOf(dtypes)) refusal = $"does not take {dtypes.Except(DTypes).First().Name()} (it declares {DTypes})";
        else if (hasOut && !TakesOut) refusal = "does not take out= (it declares TakesOut = false)";
        else if (nonzeroFill && !NonzeroFill) refusal = "does not create arrays with a nonzero fill (it declares NonzeroFill = false)";
        return refusal is null || Reason is null ? refusal : $"{refusal}: {Reason}";
    }

    /// <summary>Whether a call with these facts is inside the declaration: the dispatch path's check, which builds no message.</summary>
    public bool Takes(DTypeSet dtypes, bool hasOut, bool nonzeroFill) =>
        DTypes.IsSupersetOf(dtypes) && (!hasOut || TakesOut) && (!nonzeroFill || NonzeroFill);

    /// <summary>Whether <paramref name="args"/> is inside this declaration (see <see cref="Takes(DTypeSet, bool, bool)"/>).</summary>
    public bool Takes<TArgs>(in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        CallFacts facts = CallFacts.Of(in args);
        return Takes(facts.DTypes, facts.HasOut, facts.NonzeroFill);
    }

    /// <summary>Why <paramref name="args"/> is outside this declaration, or <see langword="null"/> (see <see cref="Refusal(DTypeSet, bool, bool)"/>).</summary>
    public string? Refusal<TArgs>(in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        CallFacts facts = CallFacts.Of(in args);
        return Refusal(facts.DTypes, facts.HasOut, facts.NonzeroFill);
    }

    /// <summary>"all dtypes; out=: no".</summary>
    public override string ToString() =>
        $"{DTypes}{(TakesOut ? "" : "; no out=")}{(NonzeroFill ? "" : "; zero fill only")}";
}

/// <summary>What the dispatcher reads of a call to check it against a <see cref="FunctionSupport"/>.</summary>
/// <param name="DTypes">The dtypes of the relevant arrays and the dtype asked for.</param>
/// <param name="HasOut">Whether <c>out=</c> is given.</param>
/// <param name="NonzeroFill">Whether a fill value is given and is not zero.</param>
public readonly record struct CallFacts(DTypeSet DTypes, bool HasOut, bool NonzeroFill)
{
    /// <summary>The facts of <paramref name="args"/>.</summary>
    public static CallFacts Of<TArgs>(in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        // NEP 35's like= picks the backend, not the dtype: a creation call's like= array is skipped (the *_like
        // functions' prototype is an operand, not a Placement, and is judged).
        var collector = new DTypeCollector { Skip = Readers<TArgs>.Like is { } readLike ? readLike(in args) : null };
        args.VisitRelevant(ref collector);
        DTypeSet dtypes = collector.DTypes;
        if (Readers<TArgs>.Target is { } target && target(in args) is { } dtype) dtypes = dtypes.Add(dtype);
        bool hasOut = Readers<TArgs>.Out is { } readOut && readOut(in args) is not null;
        bool fill = Readers<TArgs>.Fill is { } readFill && !readFill(in args).IsZero;
        return new(dtypes, hasOut, fill);
    }

    private delegate T Reader<TArgs, T>(in TArgs args);

    /// <summary>
    /// Readers of the optional facts, made once per argument type. Testing <c>args is IOutArgs</c> on a struct boxes it
    /// at every call until the JIT's last tier; a delegate over a method constrained to the interface reads the struct
    /// in place, so checking a declaration allocates nothing (host tests measure it).
    /// </summary>
    private static class Readers<TArgs> where TArgs : struct
    {
        public static readonly Reader<TArgs, NDArray?>? Out = Make<NDArray?>(typeof(IOutArgs), nameof(ReadOut));
        public static readonly Reader<TArgs, DType?>? Target = Make<DType?>(typeof(ITargetDTypeArgs), nameof(ReadTarget));
        public static readonly Reader<TArgs, Scalar>? Fill = Make<Scalar>(typeof(IFillArgs), nameof(ReadFill));
        public static readonly Reader<TArgs, NDArray?>? Like = typeof(TArgs).GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICreationArgs<>))
            ? Make<NDArray?>(typeof(ICreationArgs<>).MakeGenericType(typeof(TArgs)), nameof(ReadLike))
            : null;

        private static Reader<TArgs, T>? Make<T>(Type facet, string reader) =>
            facet.IsAssignableFrom(typeof(TArgs))
                ? typeof(CallFacts).GetMethod(reader, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(typeof(TArgs)).CreateDelegate<Reader<TArgs, T>>()
                : null;
    }

    private static NDArray? ReadOut<TArgs>(in TArgs args) where TArgs : struct, IOutArgs => args.Out;

    private static DType? ReadTarget<TArgs>(in TArgs args) where TArgs : struct, ITargetDTypeArgs => args.TargetDType;

    private static Scalar ReadFill<TArgs>(in TArgs args) where TArgs : struct, IFillArgs => args.Fill;

    private static NDArray? ReadLike<TArgs>(in TArgs args) where TArgs : struct, ICreationArgs<TArgs> => args.Placement.Like;

    private struct DTypeCollector : IRelevantVisitor
    {
        public DTypeSet DTypes;
        public NDArray? Skip;

        public void Visit(NDArray? array)
        {
            if (array is not null && !ReferenceEquals(array, Skip)) DTypes = DTypes.Add(array.DType);
        }
    }
}
