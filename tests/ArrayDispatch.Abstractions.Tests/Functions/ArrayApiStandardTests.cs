using System.Reflection;
using ArrayDispatch.Functions;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Functions;

public sealed class ArrayApiStandardTests
{
    [Fact]
    public void The_protocol_serves_every_name_of_the_2023_12_standard()
    {
        ArrayApiStandard.Names.Count.ShouldBe(164);
        ArrayApiStandard.Names.Count(n => n.Namespace == ArrayApiNamespace.Main).ShouldBe(141);
        ArrayApiStandard.Names.Count(n => n.Namespace == ArrayApiNamespace.Linalg).ShouldBe(23);
        ArrayApiStandard.Names.Select(n => n.Name).Distinct().Count().ShouldBe(164);

        ArrayApiCoverage protocol = ArrayApiStandard.Protocol;

        protocol.Missing.ShouldBeEmpty();
        protocol.ToString().ShouldBe("array API standard 2023.12: 164/164 names (main 141, linalg 23)");
    }

    [Fact]
    public void Every_serving_member_exists_in_the_protocol()
    {
        foreach (ArrayApiName name in ArrayApiStandard.Names)
        {
            string member = name.ServedBy.ShouldNotBeNull(name.Name);
            if (member.StartsWith("function '", StringComparison.Ordinal))
            {
                name.Requires.Count.ShouldBe(1, name.Name);
                FunctionCatalog.TryGet(name.Name, out ArrayFunction? f).ShouldBeTrue(name.Name);
                f.ShouldBeSameAs(name.Requires[0]);
                continue;
            }
            // "Np.Linalg.Cross", "DType.Int8": a public static member of the named type.
            string[] parts = member.Split('.');
            Type type = parts[0] == "Np" ? typeof(Np) : typeof(DType);
            foreach (string nested in parts[1..^1]) type = type.GetNestedType(nested).ShouldNotBeNull(member);
            type.GetMember(parts[^1], BindingFlags.Public | BindingFlags.Static).ShouldNotBeEmpty(member);
        }
    }

    [Fact]
    public void A_backend_serves_a_composed_name_only_when_it_declares_every_function_the_composition_calls()
    {
        string[] all = FunctionCatalog.All.Select(f => f.Name).ToArray();
        ArrayApiStandard.CoverageOf(all).Served.ShouldBe(164);

        string[] withoutNorm = all.Where(n => n != "linalg.norm").ToArray();
        ArrayApiCoverage coverage = ArrayApiStandard.CoverageOf(withoutNorm);

        coverage.Missing.ShouldBe(["linalg.matrix_norm", "linalg.vector_norm"]);
        coverage.LinalgServed.ShouldBe(21);
        coverage.ToString().ShouldBe("array API standard 2023.12: 162/164 names (main 141, linalg 21)");
        ArrayApiStandard.Serves(withoutNorm, "linalg.svdvals").ShouldBeTrue();
        ArrayApiStandard.Serves(withoutNorm, "linalg.vector_norm").ShouldBeFalse();
        ArrayApiStandard.Serves(all, "linalg.matmul").ShouldBeTrue();
    }

    [Fact]
    public void Dtypes_and_dtype_functions_need_no_backend()
    {
        ArrayApiCoverage nothing = ArrayApiStandard.CoverageOf([]);

        nothing.Missing.ShouldNotContain("int8");
        nothing.Missing.ShouldNotContain("finfo");
        nothing.Missing.ShouldNotContain("__array_namespace_info__");
        nothing.Missing.ShouldContain("add");
        nothing.Served.ShouldBe(13 + 6);
    }

    [Fact]
    public void Every_composition_names_a_facade_member_and_the_functions_it_calls()
    {
        foreach (ComposedFunction c in ComposedFunctions.All)
        {
            c.Requires.ShouldNotBeEmpty(c.Name);
            c.Member.ShouldStartWith("Np.");
            FunctionCatalog.TryGet(c.Name, out _).ShouldBeFalse($"{c.Name} is composed, so it is no catalogue function");
        }
    }
}
