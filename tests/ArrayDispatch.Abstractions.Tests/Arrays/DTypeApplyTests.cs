using System.Numerics;
using ArrayDispatch.Interchange;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary><c>DTypes.Apply</c> turns a run-time dtype into its element type as a type argument, for generic backend code.</summary>
public sealed class DTypeApplyTests
{
    public static TheoryData<DType> Every => [.. DTypes.All];

    [Theory]
    [MemberData(nameof(Every))]
    public void Apply_calls_the_work_with_the_dtypes_element_type(DType dtype) =>
        dtype.Apply<ElementTypeOf, Type>(default).ShouldBe(dtype.ClrType());

    [Fact]
    public void Apply_refuses_a_value_that_is_no_dtype() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ((DType)200).Apply<ElementTypeOf, Type>(default));

    [Theory]
    [MemberData(nameof(Every))]
    public void ToContiguousArray_of_a_transposed_buffer_gives_C_order_in_the_element_type(DType dtype)
    {
        // 2 x 3 stored row-major, viewed as its 3 x 2 transpose: C order of the view is 0 3 1 4 2 5.
        Array storage = Array.CreateInstance(dtype.ClrType(), 6);
        for (int i = 0; i < 6; i++) storage.SetValue(dtype.Apply<ElementOf, object>(new(i)), i);
        var buffer = new HostBuffer(storage, dtype, new Shape(3, 2), [1, 3]);
        Array copy = buffer.ToContiguousArray();
        copy.GetType().GetElementType().ShouldBe(dtype.ClrType());
        int[] order = [0, 3, 1, 4, 2, 5];
        for (int i = 0; i < 6; i++) copy.GetValue(i).ShouldBe(storage.GetValue(order[i]));
    }

    private readonly struct ElementTypeOf : IDTypeFunction<Type>
    {
        public Type Number<T>() where T : unmanaged, INumberBase<T> => typeof(T);

        public Type Bool() => typeof(bool);
    }

    private readonly struct ElementOf(int value) : IDTypeFunction<object>
    {
        public object Number<T>() where T : unmanaged, INumberBase<T> => T.CreateTruncating(value);

        public object Bool() => value % 2 == 1;
    }
}
