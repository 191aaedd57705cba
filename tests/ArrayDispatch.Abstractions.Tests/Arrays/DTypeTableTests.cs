using System.Globalization;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>Promotion, casting, finfo and iinfo agree with NumPy's own tables for every pair of the 14 dtypes.</summary>
public sealed class DTypeTableTests
{
    public static TheoryData<string> Castings() => new("no", "equiv", "safe", "same_kind", "unsafe");

    [Fact]
    public void The_fixture_lists_every_dtype_in_the_order_of_DTypes_All() =>
        DTypeTables.Names.ShouldBe(DTypes.All.Select(d => d.Name()));

    [Fact]
    public void Promotion_of_every_pair_is_numpys_promote_types()
    {
        JsonElement table = DTypeTables.Root.GetProperty("promote");
        var wrong = new List<string>();
        foreach (DType a in DTypes.All)
        {
            foreach (DType b in DTypes.All)
            {
                string expected = table.GetProperty(a.Name()).GetProperty(b.Name()).GetString()!;
                if (DTypes.Promote(a, b).Name() != expected) wrong.Add($"{a.Name()}+{b.Name()}: {DTypes.Promote(a, b).Name()}, NumPy {expected}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Castings))]
    public void CanCast_of_every_pair_is_numpys_can_cast(string casting)
    {
        JsonElement table = DTypeTables.Root.GetProperty("can_cast").GetProperty(casting);
        Casting rule = DTypes.ParseCasting(casting);
        var wrong = new List<string>();
        foreach (DType a in DTypes.All)
        {
            string row = table.GetProperty(a.Name()).GetString()!;
            for (int j = 0; j < DTypes.All.Count; j++)
            {
                DType b = DTypes.All[j];
                bool expected = row[j] == '1';
                if (Np.CanCast(a, b, rule) != expected) wrong.Add($"{a.Name()}->{b.Name()}: NumPy {expected}");
                if (Np.CanCast(a, b, casting) != expected) wrong.Add($"{a.Name()}->{b.Name()} by name: NumPy {expected}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("float16")]
    [InlineData("float32")]
    [InlineData("float64")]
    public void FInfo_is_numpys_finfo(string name)
    {
        JsonElement e = DTypeTables.Root.GetProperty("finfo").GetProperty(name);
        FInfo f = Np.FInfo(DTypes.Parse(name));
        f.DType.Name().ShouldBe(name);
        f.Bits.ShouldBe(e.GetProperty("bits").GetInt32());
        f.Eps.ShouldBe(e.GetProperty("eps").GetDouble());
        f.EpsNeg.ShouldBe(e.GetProperty("epsneg").GetDouble());
        f.Max.ShouldBe(e.GetProperty("max").GetDouble());
        f.Min.ShouldBe(e.GetProperty("min").GetDouble());
        f.Tiny.ShouldBe(e.GetProperty("tiny").GetDouble());
        f.SmallestNormal.ShouldBe(e.GetProperty("tiny").GetDouble());
        f.SmallestSubnormal.ShouldBe(e.GetProperty("smallest_subnormal").GetDouble());
        f.Resolution.ShouldBe(e.GetProperty("resolution").GetDouble());
        f.Precision.ShouldBe(e.GetProperty("precision").GetInt32());
        f.Mantissa.ShouldBe(e.GetProperty("nmant").GetInt32());
        f.MinExponent.ShouldBe(e.GetProperty("minexp").GetInt32());
        f.MaxExponent.ShouldBe(e.GetProperty("maxexp").GetInt32());
    }

    [Theory]
    [InlineData("int8")]
    [InlineData("int16")]
    [InlineData("int32")]
    [InlineData("int64")]
    [InlineData("uint8")]
    [InlineData("uint16")]
    [InlineData("uint32")]
    [InlineData("uint64")]
    public void IInfo_is_numpys_iinfo(string name)
    {
        JsonElement e = DTypeTables.Root.GetProperty("iinfo").GetProperty(name);
        IInfo i = Np.IInfo(DTypes.Parse(name));
        i.Bits.ShouldBe(e.GetProperty("bits").GetInt32());
        i.Min.ShouldBe(e.GetProperty("min").GetInt64());
        i.Max.ShouldBe(ulong.Parse(e.GetProperty("max").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Complex_finfo_is_its_real_parts() =>
        Np.FInfo(DType.Complex64).DType.ShouldBe(DType.Float32);

    [Fact]
    public void FInfo_of_an_integer_dtype_is_refused_with_numpys_message() =>
        Should.Throw<ArgumentException>(() => Np.FInfo(DType.Int32)).Message
            .ShouldStartWith(Error("finfo_int32"));

    [Fact]
    public void IInfo_of_a_float_or_bool_dtype_is_refused_with_numpys_message()
    {
        Should.Throw<ArgumentException>(() => Np.IInfo(DType.Float32)).Message.ShouldStartWith(Error("iinfo_float32"));
        Should.Throw<ArgumentException>(() => Np.IInfo(DType.Bool)).Message.ShouldStartWith(Error("iinfo_bool"));
    }

    [Fact]
    public void The_cast_refusal_is_numpys_message() =>
        DTypes.CastErrorMessage(DType.Float64, DType.Int32, Casting.Safe).ShouldBe(Error("astype_float64_int32_safe"));

    [Fact]
    public void FInfo_prints_as_numpy() =>
        Np.FInfo(DType.Float64).ToString().ShouldBe("finfo(resolution=1e-15, min=-1.7976931348623157e+308, max=1.7976931348623157e+308, dtype=float64)");

    [Fact]
    public void IInfo_prints_as_numpy() =>
        Np.IInfo(DType.UInt64).ToString().ShouldBe("iinfo(min=0, max=18446744073709551615, dtype=uint64)");

    private static string Error(string key) => DTypeTables.Root.GetProperty("errors").GetProperty(key).GetString()!;
}
