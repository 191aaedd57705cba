using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>A duck array of any dtype, so a call's dtypes can be chosen.</summary>
public sealed class TypedDuckArray(DType dtype, string tag = "") : NDArray
{
    public string Tag { get; } = tag;
    public override Shape Shape => new(1);
    public override DType DType => dtype;
    public override HostBuffer ToHost() => throw new NotSupportedException("a duck");
}

/// <summary>The same duck, a type of its own, for a second backend to own.</summary>
public sealed class OtherTypedDuckArray(DType dtype) : NDArray
{
    public override Shape Shape => new(1);
    public override DType DType => dtype;
    public override HostBuffer ToHost() => throw new NotSupportedException("a duck");
}

/// <summary>A backend that declares what it takes: float32/float64 only, no out=, zero fills only.</summary>
public sealed class PickyBackend(string name, FunctionSupport? addSupport = null, bool ownsOther = false) : IArrayBackendPlugin
{
    public static readonly FunctionSupport FloatsNoOut = new() { DTypes = DTypeSet.Of(DType.Float32, DType.Float64), TakesOut = false };

    public string Name { get; } = name;
    public Version ProtocolVersion => ArrayProtocol.Version;
    public List<string> Calls { get; } = [];

    public void Register(IBackendBuilder backend)
    {
        if (ownsOther) backend.AddArrayType<OtherTypedDuckArray>();
        else backend.AddArrayType<TypedDuckArray>();
        backend.Implement(ArrayFunctions.Add, (in BinaryArgs a, ReadOnlySpan<Type> types) => Answer("add", a.X1.Array!.DType));
        backend.Implement(ArrayFunctions.Sum, (in ReductionArgs a, ReadOnlySpan<Type> types) => Answer("sum", a.X.DType));
        backend.Implement(ArrayFunctions.Full, (in FullArgs a, ReadOnlySpan<Type> types) => Answer("full", a.DType));
        backend.Declare(ArrayFunctions.Add, addSupport ?? FloatsNoOut);
        backend.Declare(ArrayFunctions.Full, new FunctionSupport { NonzeroFill = false, Reason = "it stores no values" });
    }

    private DispatchResult<NDArray> Answer(string function, DType dtype)
    {
        lock (Calls) Calls.Add(function);
        return new TypedDuckArray(dtype, Name);
    }
}

public sealed class FunctionSupportTests
{
    [Fact]
    public void A_handler_that_returns_null_fails_the_call_naming_the_backend_and_the_function()
    {
        // It returned null to the caller, whose next use threw NullReferenceException far from the plugin.
        foreach (bool traced in new[] { false, true })
        {
            var plugin = new NullAnswering();
            using var host = TestHost.Create(plugin);
            using var listener = traced ? Listening() : null;
            var error = Should.Throw<BackendCallException>(() => Np.Sum(new TypedDuckArray(DType.Float64)));
            error.Backend.ShouldBe("Nully");
            error.Function.ShouldBe("sum");
            error.Message.ShouldBe("backend 'Nully' failed in 'sum': its handler returned null; a handler declines a call with NotImplemented.Value, and otherwise returns the result");
        }
    }

    private static System.Diagnostics.ActivityListener Listening()
    {
        var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == ArrayDispatch.Runtime.Diagnostics.ArrayDispatchMetrics.ActivitySource.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class NullAnswering : IArrayBackendPlugin
    {
        public string Name => "Nully";
        public Version ProtocolVersion => ArrayProtocol.Version;
        public void Register(IBackendBuilder backend)
        {
            backend.AddArrayType<TypedDuckArray>();
            backend.Implement(ArrayFunctions.Sum, (in ReductionArgs a, ReadOnlySpan<Type> types) => (NDArray)null!);
        }
    }

    [Fact]
    public void A_creation_calls_like_array_picks_the_backend_but_its_dtype_is_not_judged()
    {
        // NEP 35: arange(0, 3, like=complex64_array) asks for int64 values; a backend declaring no complex took the
        // like= array's dtype for the call's ("does not take complex64 ... for 'arange'"), so nanmedian of complex on Gpu failed.
        var like = new TypedDuckArray(DType.Complex64);
        CallFacts.Of(new RangeArgs(0L, 3L, 1L, DType: DType.Int64, Placement: new Placement(Like: like))).DTypes.ShouldBe(DTypeSet.Of(DType.Int64));
        CallFacts.Of(new RangeArgs(0L, 3L, 1L, Placement: new Placement(Like: like))).DTypes.ShouldBe(DTypeSet.Of());
        // the *_like functions' prototype is an operand: its dtype is the result's unless dtype= says otherwise, so it is judged
        CallFacts.Of(new FullLikeArgs(like, 0L)).DTypes.ShouldBe(DTypeSet.Of(DType.Complex64));
    }

    [Fact]
    public void A_call_inside_the_declaration_reaches_the_handler()
    {
        var picky = new PickyBackend("Picky");
        using var host = TestHost.Create(picky);

        ((TypedDuckArray)Np.Add(new TypedDuckArray(DType.Float32), new TypedDuckArray(DType.Float64))).Tag.ShouldBe("Picky");
        picky.Calls.ShouldBe(["add"]);
    }

    [Fact]
    public void A_dtype_the_backend_does_not_declare_is_refused_before_its_handler_runs_naming_the_dtype()
    {
        var picky = new PickyBackend("Picky");
        using var host = TestHost.Create(picky);

        var ex = Should.Throw<NoImplementationException>(() => Np.Add(new TypedDuckArray(DType.Float64), new TypedDuckArray(DType.Complex128)));

        ex.Message.ShouldContain("Picky");
        ex.Message.ShouldContain("does not take complex128");
        ex.Message.ShouldContain("float32, float64");
        picky.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void Out_is_refused_for_a_backend_that_declares_it_does_not_take_it()
    {
        var picky = new PickyBackend("Picky");
        using var host = TestHost.Create(picky);
        var x = new TypedDuckArray(DType.Float64);

        var ex = Should.Throw<NoImplementationException>(() => Np.Add(x, x, @out: new TypedDuckArray(DType.Float64)));

        ex.Message.ShouldContain("does not take out=");
        picky.Calls.ShouldBeEmpty();
        Np.Add(x, x).ShouldBeOfType<TypedDuckArray>();   // the same call without out= is its
    }

    [Fact]
    public void A_nonzero_fill_is_refused_with_the_backends_reason_and_a_zero_fill_is_taken()
    {
        var picky = new PickyBackend("Picky");
        using var host = TestHost.Create(picky);

        var ex = Should.Throw<NoImplementationException>(() => Np.Full(new Shape(3), 2.0, backend: "Picky"));
        ex.Message.ShouldContain("nonzero fill");
        ex.Message.ShouldContain("it stores no values");

        Np.Zeros(new Shape(3), backend: "Picky").ShouldBeOfType<TypedDuckArray>();
        picky.Calls.ShouldBe(["full"]);
    }

    [Fact]
    public void A_refused_call_goes_to_the_next_candidate_that_takes_it()
    {
        var picky = new PickyBackend("Picky");
        var broad = new PickyBackend("Broad", addSupport: FunctionSupport.Everything, ownsOther: true);
        using var host = TestHost.Create(picky, broad);

        // NEP 18 order: Picky owns the first argument, Broad the second; Picky's declaration leaves the call to Broad.
        host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(TypedDuckArray), typeof(OtherTypedDuckArray)]).ToString()
            .ShouldContain("[takes float32, float64; no out=]");
        ((TypedDuckArray)Np.Add(new TypedDuckArray(DType.Complex64), new OtherTypedDuckArray(DType.Complex64))).Tag.ShouldBe("Broad");
        picky.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void The_dispatcher_reports_each_backends_declaration()
    {
        using var host = TestHost.Create(new PickyBackend("Picky"));

        host.Dispatcher.SupportOf("Picky", ArrayFunctions.Add).ShouldBe(PickyBackend.FloatsNoOut);
        host.Dispatcher.SupportOf("Picky", ArrayFunctions.Sum).ShouldBe(FunctionSupport.Everything);
        host.Dispatcher.SupportOf("Picky", ArrayFunctions.Exp).ShouldBeNull();   // not implemented
        host.Dispatcher.SupportOf("Nobody", ArrayFunctions.Add).ShouldBeNull();
    }

    [Fact]
    public void DeclareDefault_covers_every_function_without_its_own_declaration()
    {
        var plugin = new LambdaPlugin("Real", b =>
        {
            b.AddArrayType<TypedDuckArray>();
            b.Implement(ArrayFunctions.Sum, (in ReductionArgs a, ReadOnlySpan<Type> t) => new TypedDuckArray(a.X.DType, "Real"));
            b.DeclareDefault(new FunctionSupport { DTypes = DTypeSet.Real });
        });
        using var host = TestHost.Create(plugin);

        Np.Sum(new TypedDuckArray(DType.UInt8)).ShouldBeOfType<TypedDuckArray>();
        Should.Throw<NoImplementationException>(() => Np.Sum(new TypedDuckArray(DType.Complex64))).Message.ShouldContain("does not take complex64 (it declares all but complex64, complex128)");
        // A dtype asked for by name counts too: sum(x, dtype=complex128).
        Should.Throw<NoImplementationException>(() => Np.Sum(new TypedDuckArray(DType.Float64), dtype: DType.Complex128)).Message.ShouldContain("complex128");
    }

    [Fact]
    public void Reading_a_calls_facts_allocates_nothing()
    {
        var x = new TypedDuckArray(DType.Float64);
        var args = new BinaryArgs(x, x, x);
        CallFacts.Of(in args);
        long before = GC.GetAllocatedBytesForCurrentThread();
        CallFacts facts = default;
        for (int i = 0; i < 1000; i++) facts = CallFacts.Of(in args);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        facts.HasOut.ShouldBeTrue();
        facts.DTypes.ShouldBe(DTypeSet.Of(DType.Float64));
    }

    private sealed class LambdaPlugin(string name, Action<IBackendBuilder> register) : IArrayBackendPlugin
    {
        public string Name { get; } = name;
        public Version ProtocolVersion => ArrayProtocol.Version;
        public void Register(IBackendBuilder backend) => register(backend);
    }
}

/// <summary>A plugin author's [Implements] of a composition (nanmedian): refused naming it and what it is built from.</summary>
public sealed class ComposedImplementsTests
{
    public static class NanMedianHandlers
    {
        [Implements("nanmedian")]
        public static DispatchResult<NDArray> NanMedian(in ReductionArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;
    }

    private sealed class ClaimsComposition : IArrayBackendPlugin
    {
        public string Name => "Claimer";
        public Version ProtocolVersion => ArrayProtocol.Version;
        public void Register(IBackendBuilder backend) => backend.AddArrayType<TypedDuckArray>().ImplementFrom(typeof(NanMedianHandlers));
    }

    [Fact]
    public void Implementing_a_composition_is_refused_saying_it_is_one_and_what_to_implement()
    {
        // Was "implements unknown function 'nanmedian'", though Np.NanMedian exists: the author could not tell why.
        using var host = TestHost.Create(new ClaimsComposition());
        ArrayDispatch.Runtime.Plugins.PluginLoadResult result = host.LoadResults.Single(r => r.Name == "Claimer");
        result.Loaded.ShouldBeFalse(result.Reason);
        result.Reason.ShouldContain("implements 'nanmedian', which is a composition (Np.NanMedian, built from ravel, sort, isnan");
        result.Reason.ShouldContain("implement the functions it calls");
    }
}
