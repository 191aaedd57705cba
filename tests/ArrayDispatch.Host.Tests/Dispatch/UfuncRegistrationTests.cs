using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using ArrayDispatch.Ufuncs;
using Shouldly;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>A ufunc's handler made as a <see cref="Delegate"/> (what an <see cref="IUfuncVisitor{TResult}"/> returns) registers by the ufunc.</summary>
public sealed class UfuncRegistrationTests
{
    [Fact]
    public void A_ufunc_handler_registers_by_the_ufunc_and_a_handler_of_the_wrong_shape_is_refused_by_name()
    {
        var plugin = new UfuncPlugin();
        using TestHost host = TestHost.Create(plugin);

        ((DuckArray)Np.Negative(new DuckArray())).Tag.ShouldBe("negative");
        ((DuckArray)Np.Add(new DuckArray(), new DuckArray())).Tag.ShouldBe("add");
        plugin.Refusal.ShouldNotBeNull().Message.ShouldContain("the handler of ufunc 'negative' must be an ArrayHandler<UnaryArgs, NDArray>");
    }

    private sealed class UfuncPlugin : IArrayBackendPlugin
    {
        public string Name => "UfuncDuck";
        public Version ProtocolVersion => ArrayProtocol.Version;
        public ArgumentException? Refusal { get; private set; }

        public void Register(IBackendBuilder backend)
        {
            backend.AddArrayType<DuckArray>();
            Ufunc negative = Ufunc.All.Single(u => u.Function == ArrayFunctions.Negative);
            Ufunc add = Ufunc.All.Single(u => u.Function == ArrayFunctions.Add);
            Refusal = Should.Throw<ArgumentException>(() => backend.Implement(negative,
                new ArrayHandler<BinaryArgs, NDArray>((in BinaryArgs a, ReadOnlySpan<Type> t) => new DuckArray("wrong"))));
            backend.Implement(negative, new ArrayHandler<UnaryArgs, NDArray>((in UnaryArgs a, ReadOnlySpan<Type> t) => new DuckArray("negative")));
            backend.Implement(add, new ArrayHandler<BinaryArgs, NDArray>((in BinaryArgs a, ReadOnlySpan<Type> t) => new DuckArray("add")));
        }
    }
}
