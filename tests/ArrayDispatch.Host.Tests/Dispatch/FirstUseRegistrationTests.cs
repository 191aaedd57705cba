using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using ArrayDispatch.Ufuncs;
using Shouldly;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>
/// Handlers registered with <see cref="IBackendBuilder.ImplementOnFirstUse"/> (and every ufunc through
/// <see cref="BackendBuilderExtensions.ImplementUfuncs"/>) are made when a call first needs them, not at start-up,
/// and count as implemented from registration on.
/// </summary>
public sealed class FirstUseRegistrationTests
{
    [Fact]
    public void A_first_use_handler_is_made_at_the_first_call_that_reaches_it_and_once()
    {
        var plugin = new LazyPlugin();
        using TestHost host = TestHost.Create(plugin);

        plugin.Made.ShouldBeEmpty();
        host.Dispatcher.FunctionsOf("Lazy").ShouldContain("sum");
        host.Dispatcher.FunctionsOf("Lazy").ShouldContain("exp");
        host.Dispatcher.SupportOf("Lazy", ArrayFunctions.Sum).ShouldNotBeNull();
        plugin.Made.ShouldBeEmpty();

        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("sum");
        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("sum");
        plugin.Made.ShouldBe(["sum"]);
    }

    [Fact]
    public void Every_ufunc_registers_through_a_visitor_and_only_the_ufuncs_called_are_made()
    {
        var plugin = new LazyPlugin();
        using TestHost host = TestHost.Create(plugin);

        foreach (Ufunc ufunc in Ufunc.All) host.Dispatcher.FunctionsOf("Lazy").ShouldContain(ufunc.Name);
        ((DuckArray)Np.Exp(new DuckArray())).Tag.ShouldBe("exp");
        ((DuckArray)Np.Add(new DuckArray(), new DuckArray())).Tag.ShouldBe("add");
        plugin.Visited.Order().ShouldBe(["add", "exp"]);
    }

    [Fact]
    public void A_factory_that_makes_the_wrong_handler_type_fails_the_call_naming_backend_and_function()
    {
        using TestHost host = TestHost.Create(new LazyPlugin());

        var error = Should.Throw<InvalidOperationException>(() => Np.Max(new DuckArray()));
        error.Message.ShouldBe("backend 'Lazy' made a handler of type ArrayHandler<UnaryArgs, NDArray> for 'max', which takes ArrayHandler<ReductionArgs, NDArray>");
        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("sum");   // the rest of the backend keeps working
    }

    [Fact]
    public void A_ufunc_visitor_that_makes_the_wrong_handler_type_fails_the_call_with_one_message_in_csharp_type_names()
    {
        // Was "could not make its handler for 'subtract': ArgumentException: the handler of ufunc 'subtract' must be an
        // ArrayHandler<BinaryArgs, NDArray> (got ArrayHandler`2) (Parameter 'handler')": the check ran twice, wrapped.
        using TestHost host = TestHost.Create(new LazyPlugin());

        var error = Should.Throw<InvalidOperationException>(() => Np.Subtract(new DuckArray(), new DuckArray()));
        error.Message.ShouldBe("backend 'Lazy' made a handler of type ArrayHandler<UnaryArgs, NDArray> for 'subtract', which takes ArrayHandler<BinaryArgs, NDArray>");
        error.InnerException.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => Np.Multiply(new DuckArray(), new DuckArray())).Message
            .ShouldBe("backend 'Lazy' made a handler of type Func<int> for 'multiply', which takes ArrayHandler<BinaryArgs, NDArray>");
        ((DuckArray)Np.Add(new DuckArray(), new DuckArray())).Tag.ShouldBe("add");
    }

    [Fact]
    public void A_factory_that_throws_fails_the_call_naming_backend_function_and_cause()
    {
        using TestHost host = TestHost.Create(new LazyPlugin());

        var error = Should.Throw<InvalidOperationException>(() => Np.Min(new DuckArray()));
        error.Message.ShouldBe("backend 'Lazy' could not make its handler for 'min': FileNotFoundException: kernels.bin is missing");
        error.InnerException.ShouldBeOfType<FileNotFoundException>();
        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("sum");
    }

    private sealed class LazyPlugin : IArrayBackendPlugin
    {
        public string Name => "Lazy";
        public Version ProtocolVersion => ArrayProtocol.Version;
        public List<string> Made { get; } = [];
        public List<string> Visited { get; } = [];

        public void Register(IBackendBuilder backend)
        {
            backend.AddArrayType<DuckArray>();
            backend.ImplementUfuncs(new Visitor(Visited));
            backend.ImplementOnFirstUse(ArrayFunctions.Sum, () =>
            {
                Made.Add("sum");
                return new ArrayHandler<ReductionArgs, NDArray>((in ReductionArgs a, ReadOnlySpan<Type> t) => new DuckArray("sum"));
            });
            backend.ImplementOnFirstUse(ArrayFunctions.Max, () => new ArrayHandler<UnaryArgs, NDArray>((in UnaryArgs a, ReadOnlySpan<Type> t) => new DuckArray("wrong")));
            backend.ImplementOnFirstUse(ArrayFunctions.Min, () => throw new FileNotFoundException("kernels.bin is missing"));
        }
    }

    private sealed class Visitor(List<string> visited) : IUfuncVisitor<Delegate>
    {
        public Delegate Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp =>
            ufunc.Name switch { "subtract" => Unary(ufunc), "multiply" => new Func<int>(() => 1), _ => Binary(ufunc) };   // a visitor's slips

        public Delegate Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp => Binary(ufunc);

        public Delegate Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp => Unary(ufunc);

        public Delegate Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp => Unary(ufunc);

        private ArrayHandler<BinaryArgs, NDArray> Binary(Ufunc ufunc)
        {
            visited.Add(ufunc.Name);
            return (in BinaryArgs a, ReadOnlySpan<Type> t) => new DuckArray(ufunc.Name);
        }

        private ArrayHandler<UnaryArgs, NDArray> Unary(Ufunc ufunc)
        {
            visited.Add(ufunc.Name);
            return (in UnaryArgs a, ReadOnlySpan<Type> t) => new DuckArray(ufunc.Name);
        }
    }
}
