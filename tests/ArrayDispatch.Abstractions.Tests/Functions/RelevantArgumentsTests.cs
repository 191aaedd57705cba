using System.Reflection;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Functions;

/// <summary>
/// Every argument record's two hand-written views of its arrays agree: <c>VisitRelevant</c> (what dispatch looks at)
/// and <c>MapRelevant</c> (what a backend that converts arguments replaces) must name the same arrays, in the same
/// order, or a call dispatched on one array would be run with another left unconverted.
/// </summary>
public sealed class RelevantArgumentsTests
{
    private static readonly Type[] s_argumentTypes = typeof(IArrayArgs<>).Assembly.GetTypes()
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IArrayArgs<>)))
        .OrderBy(t => t.Name).ToArray();

    public static TheoryData<Type> ArgumentTypes() => new(s_argumentTypes);

    [Fact]
    public void Every_function_of_the_catalogue_takes_an_argument_record_checked_here()
    {
        var checkedTypes = s_argumentTypes.ToHashSet();
        FunctionCatalog.All.Select(f => f.ArgsType).Where(t => t.Assembly == typeof(IArrayArgs<>).Assembly).ShouldAllBe(t => checkedTypes.Contains(t));
    }

    [Theory]
    [MemberData(nameof(ArgumentTypes))]
    public void Visit_and_map_name_the_same_arrays_in_the_same_order(Type argsType)
    {
        object args = Build(argsType);
        List<NDArray> visited = Visit(args);
        visited.ShouldNotBeEmpty($"{argsType.Name} built with arrays in every array slot visits none");
        var mapped = new List<NDArray>();
        object result = argsType.GetMethod("MapRelevant")!.Invoke(args, [new Func<NDArray, NDArray>(a => { mapped.Add(a); return new Fake(); })])!;
        mapped.ShouldBe(visited, $"{argsType.Name}: MapRelevant maps other arrays than VisitRelevant visits");
        Visit(result).ShouldAllBe(a => a is Fake && !visited.Contains(a), $"{argsType.Name}: a visited array survived MapRelevant");
    }

    private static List<NDArray> Visit(object args)
    {
        var collector = new Collector { Arrays = [] };
        MethodInfo visit = args.GetType().GetMethod("VisitRelevant")!.MakeGenericMethod(typeof(Collector));
        object?[] parameters = [collector];
        visit.Invoke(args, parameters);
        return ((Collector)parameters[0]!).Arrays;
    }

    // The record built through its widest constructor with a distinct array in every slot that can hold one.
    private static object Build(Type argsType)
    {
        ConstructorInfo ctor = argsType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        object?[] values = ctor.GetParameters().Select(p => Value(p.ParameterType)).ToArray();
        return ctor.Invoke(values);
    }

    private static object? Value(Type t)
    {
        if (t == typeof(NDArray)) return new Fake();
        if (t == typeof(NDArray[])) return new NDArray[] { new Fake(), new Fake() };
        if (t == typeof(Operand)) return (Operand)new Fake();
        if (t == typeof(Operand[])) return new Operand[] { new Fake(), new Fake() };
        if (t == typeof(Placement)) return new Placement(Like: new Fake());
        if (t == typeof(Shape)) return new Shape(2);
        if (t == typeof(string)) return "x";
        if (t == typeof(int[])) return new[] { 0 };
        if (t == typeof(ArrayIndex[])) return Array.Empty<ArrayIndex>();
        if (t == typeof(IReadOnlyDictionary<string, object?>)) return new Dictionary<string, object?>();
        if (t == typeof(object)) return new[] { 1.0, 2.0 };
        return t.IsValueType ? Activator.CreateInstance(t) : null;
    }

    private struct Collector : IRelevantVisitor
    {
        public List<NDArray> Arrays;

        public void Visit(NDArray? array)
        {
            if (array is not null) Arrays.Add(array);
        }
    }

    private sealed class Fake : NDArray
    {
        public override Shape Shape => new(2);

        public override DType DType => DType.Float64;

        public override HostBuffer ToHost() => throw new InvalidOperationException("not read");
    }
}
