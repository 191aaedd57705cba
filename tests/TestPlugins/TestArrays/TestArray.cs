using ArrayDispatch.Interchange;

namespace ArrayDispatch.TestArrays;

/// <summary>A 1-element array that records which backend made it and which types its handler was given.</summary>
public class TestArray : NDArray
{
    public TestArray(string madeBy = "", string seenTypes = "", double value = 1)
    {
        MadeBy = madeBy;
        SeenTypes = seenTypes;
        Value = value;
    }

    public string MadeBy { get; }
    public string SeenTypes { get; }
    public double Value { get; }
    public override Shape Shape => new(1);
    public override DType DType => DType.Float64;
    public override bool IsHostResident => true;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { Value }, Shape);
    public override string ToString() => $"{GetType().Name}(madeBy={MadeBy}, types=[{SeenTypes}])";
}

/// <summary>Owned by the "Base" test plugin.</summary>
public class BaseArray(string madeBy = "", string seenTypes = "", double value = 1) : TestArray(madeBy, seenTypes, value);

/// <summary>Owned by the "Derived" test plugin: a subclass of another backend's type.</summary>
public class DerivedArray(string madeBy = "", string seenTypes = "", double value = 1) : BaseArray(madeBy, seenTypes, value);

/// <summary>Owned by the "Other" test plugin.</summary>
public class OtherArray(string madeBy = "", string seenTypes = "", double value = 1) : TestArray(madeBy, seenTypes, value);
