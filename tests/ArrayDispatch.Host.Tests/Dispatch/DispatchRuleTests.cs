using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.TestArrays;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>One test per rule of ARCHITECTURE §3, with real plugin assemblies loaded from disk.</summary>
public sealed class DispatchRuleTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base", "Derived", "Other");

    public void Dispose() => _plugins.Dispose();

    private static TestArray Add(NDArray a, NDArray b) => (TestArray)Np.Add(a, b);

    [Fact]
    public void Subclass_goes_before_superclass_whatever_the_argument_order()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Base"));

        Add(new BaseArray(), new DerivedArray()).MadeBy.ShouldBe("Derived");
        host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(BaseArray), typeof(DerivedArray)])
            .Candidates.Select(c => c.Backend).ShouldBe(["Derived", "Base"]);
    }

    [Fact]
    public void Without_configuration_the_leftmost_argument_wins()
    {
        using var host = _plugins.Host();

        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Base");
        Add(new OtherArray(), new BaseArray()).MadeBy.ShouldBe("Other");
    }

    [Fact]
    public void One_call_site_follows_the_argument_types_of_each_call()
    {
        using var host = _plugins.Host();

        for (int round = 0; round < 3; round++)   // the hit path remembers the last call's types: every change must miss it
        {
            Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Base");
            Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Base");
            Add(new OtherArray(), new BaseArray()).MadeBy.ShouldBe("Other");
            Add(new BaseArray(), new DerivedArray()).MadeBy.ShouldBe("Derived");
            Add(new DerivedArray(), new DerivedArray()).MadeBy.ShouldBe("Derived");
            Add(new OtherArray(), new OtherArray()).MadeBy.ShouldBe("Other");
        }
    }

    [Fact]
    public void Priority_from_configuration_beats_argument_order()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Other"), ("ArrayDispatch:Priority:1", "Base"));

        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Other");
        host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(BaseArray), typeof(OtherArray)]).Candidates[0].Reason.ShouldContain("ArrayDispatch:Priority:0");
    }

    [Fact]
    public void A_plugin_nobody_listed_in_Priority_is_tried_first_for_its_own_first_argument()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Base"));

        Add(new OtherArray(), new BaseArray()).MadeBy.ShouldBe("Other");   // NEP 18: the leftmost argument's owner, listed or not
        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Base");
        host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(OtherArray), typeof(BaseArray)]).Candidates[0].Reason
            .ShouldContain("not in ArrayDispatch:Priority");
    }

    [Fact]
    public void A_functions_Prefer_list_beats_the_global_priority()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Base"), ("ArrayDispatch:Functions:add:Prefer:0", "Other"));

        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Other");
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }

    [Fact]
    public void A_disabled_backend_is_skipped_for_that_function_only()
    {
        using var host = _plugins.Host(("ArrayDispatch:Functions:add:Disable:0", "Base"));

        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Other");
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
        host.Dispatcher.Explain(ArrayFunctions.Add, [typeof(BaseArray), typeof(OtherArray)])
            .Excluded.ShouldContain(d => d.Backend == "Base" && d.Reason == "disabled by ArrayDispatch:Functions:add:Disable:0");
    }

    [Fact]
    public void A_coercing_backend_gets_arrays_it_does_not_own_converted_to_its_own()
    {
        using var host = _plugins.Host(("ArrayDispatch:Functions:sum:Prefer:0", "Other"), ("ArrayDispatch:Functions:sum:Coerce:0", "Other"));

        var result = (TestArray)Np.Sum(new BaseArray());

        result.MadeBy.ShouldBe("Other");
        result.SeenTypes.ShouldBe("OtherArray");
    }

    [Fact]
    public void Handlers_receive_the_distinct_relevant_types_subclass_first()
    {
        using var host = _plugins.Host();

        Add(new BaseArray(), new DerivedArray()).SeenTypes.ShouldBe("DerivedArray,BaseArray");
        Add(new OtherArray(), new OtherArray()).SeenTypes.ShouldBe("OtherArray");
    }

    [Fact]
    public void NotImplemented_falls_through_to_the_next_candidate()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Other"), ("ArrayDispatch:Backends:Other:Decline", "true"));

        Add(new OtherArray(), new BaseArray()).MadeBy.ShouldBe("Base");
    }

    [Fact]
    public void When_every_candidate_declines_the_error_names_function_types_and_each_backend()
    {
        using var host = _plugins.Host(("ArrayDispatch:Backends:Other:Decline", "true"), ("ArrayDispatch:Functions:add:Disable:0", "Base"));

        var ex = Should.Throw<NoImplementationException>(() => Np.Add(new OtherArray(), new BaseArray()));

        ex.Message.ShouldBe("""
            no implementation found for 'add' on types [OtherArray, BaseArray]
              Other:   returned NotImplemented
              Base:    disabled by ArrayDispatch:Functions:add:Disable:0
              Derived: owns none of the argument types and is not configured to coerce them
            """.ReplaceLineEndings("\n"));
        ex.Function.ShouldBe("add");
        ex.Types.ShouldBe([typeof(OtherArray), typeof(BaseArray)]);
    }

    [Fact]
    public void A_scoped_override_is_tried_first_and_declines_foreign_types_unless_it_coerces()
    {
        using var host = _plugins.Host(("ArrayDispatch:Backends:Other:Strict", "true"));

        using (Np.UseBackend("Other"))
        {
            ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");            // Other sees BaseArray and declines (NEP 18)
            ((TestArray)Np.Sum(new OtherArray())).MadeBy.ShouldBe("Other");
        }
        using (Np.UseBackend("Other", coerce: true))
        {
            ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Other");
        }
    }

    [Fact]
    public void Scopes_nest_and_only_stops_the_fallback()
    {
        using var host = _plugins.Host(("ArrayDispatch:Backends:Other:Strict", "true"));

        using (Np.UseBackend("Other", coerce: true))
        using (Np.UseBackend("Derived", only: true))
        {
            // The inner scope first, then the enclosing one, then nothing else: the inner scope is only.
            host.Dispatcher.Explain(ArrayFunctions.Sum, [typeof(BaseArray)]).Candidates.Select(c => c.Backend).ShouldBe(["Derived", "Other"]);
            ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Derived");
        }
        using (Np.UseBackend("Other", only: true))
        {
            Should.Throw<NoImplementationException>(() => Np.Add(new BaseArray(), new BaseArray()));
        }
        ((TestArray)Np.Sum(new BaseArray())).MadeBy.ShouldBe("Base");
    }

    [Fact]
    public void Creation_goes_to_the_named_then_scoped_then_like_then_default_backend()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Base"));

        ((TestArray)Np.Zeros(3)).MadeBy.ShouldBe("Base");
        ((TestArray)Np.Zeros(3, backend: "Other")).MadeBy.ShouldBe("Other");
        ((TestArray)Np.Zeros(3, like: new DerivedArray())).MadeBy.ShouldBe("Derived");
        using (Np.UseBackend("Derived"))
        {
            ((TestArray)Np.Ones(3)).MadeBy.ShouldBe("Derived");
        }
        Should.Throw<NoImplementationException>(() => Np.Zeros(3, backend: "Nope")).Message.ShouldContain("Nope: is not loaded");
    }

    [Fact]
    public void A_creation_call_naming_a_backend_that_is_not_loaded_lists_the_loaded_ones_and_the_nearest()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Base"));
        // was only "Bsae: is not loaded", where the configuration's same typo names the known backends and the nearest
        string message = Should.Throw<NoImplementationException>(() => Np.Zeros(3, backend: "Bsae")).Message;
        message.ShouldContain("Bsae: is not loaded (loaded backends: ");
        message.ShouldContain("Base, ");
        message.ShouldContain("did you mean 'Base'?");
    }

    [Fact]
    public void A_creation_call_with_no_backend_loaded_at_all_points_at_the_plugin_folders()
    {
        // An app started outside its project folder reads no appsettings.json, so no plugin folder: the error said only
        // "(none): no loaded backend implements 'zeros'"
        using var host = TestHost.Create();
        string message = Should.Throw<NoImplementationException>(() => Np.Zeros(3)).Message;
        message.ShouldContain("no backend is loaded at all");
        message.ShouldContain("ArrayDispatch:PluginDirectories");
        message.ShouldContain("ContentRootPath");
        Should.Throw<NoImplementationException>(() => Np.Zeros(3, backend: "Dense")).Message.ShouldContain("Dense: is not loaded; no backend is loaded at all");
    }

    [Fact]
    public void Changing_the_configuration_changes_the_next_call()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Base"), ("ArrayDispatch:Priority:1", "Other"));
        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Base");
        long before = host.Dispatcher.Generation;

        host.Set(("ArrayDispatch:Priority:0", "Other"), ("ArrayDispatch:Priority:1", "Base"));

        host.Dispatcher.Generation.ShouldBeGreaterThan(before);
        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Other");
    }

    [Fact]
    public void An_invalid_reloaded_configuration_keeps_the_last_good_rules()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Other"), ("ArrayDispatch:Priority:1", "Base"));
        long before = host.Dispatcher.Generation;

        host.Set(("ArrayDispatch:Priority:0", "Otter"));

        host.Dispatcher.Generation.ShouldBe(before);
        Add(new BaseArray(), new OtherArray()).MadeBy.ShouldBe("Other");
    }
}
