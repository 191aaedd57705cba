using System.Text.Json;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Fixtures;

// numpy.fft's calls: NumPy's keywords n/axis, s/axes, norm and d map onto the typed argument records.
internal sealed partial class FixtureCall
{
    private NDArray InvokeFft(FixtureCase c)
    {
        IReadOnlyList<JsonElement> a = c.Args;
        IReadOnlyDictionary<string, JsonElement> kw = c.Kwargs;
        FftNorm norm = FftNorms.Parse(kw.TryGetValue("norm", out JsonElement ne) && ne.ValueKind == JsonValueKind.String ? ne.GetString() : null);
        int[]? IntsOpt(string name) => kw.TryGetValue(name, out JsonElement e) && e.ValueKind != JsonValueKind.Null ? Ints(e) : null;
        switch (c.Function)
        {
            case "fft.fft" or "fft.ifft" or "fft.rfft" or "fft.irfft" or "fft.hfft" or "fft.ihfft":
            {
                var f = (ArrayFunction<FftArgs, NDArray>)Get(c.Function);
                return Np.Dispatcher.Invoke(f, new FftArgs(Array(a[0]), IntOpt(kw, "n", null), IntOpt(kw, "axis", -1) ?? -1, norm));
            }
            case "fft.fftn" or "fft.ifftn" or "fft.rfftn" or "fft.irfftn":
            {
                var f = (ArrayFunction<FftnArgs, NDArray>)Get(c.Function);
                return Np.Dispatcher.Invoke(f, new FftnArgs(Array(a[0]), IntsOpt("s"), IntsOpt("axes"), norm));
            }
            case "fft.fftshift": return Np.FFT.FftShift(Array(a[0]), IntsOpt("axes"));
            case "fft.ifftshift": return Np.FFT.IfftShift(Array(a[0]), IntsOpt("axes"));
            case "fft.fftfreq" or "fft.rfftfreq":
            {
                double d = a.Count > 1 ? a[1].GetDouble() : kw.TryGetValue("d", out JsonElement de) ? de.GetDouble() : 1.0;
                return c.Function == "fft.fftfreq" ? Np.FFT.FftFreq(a[0].GetInt32(), d, backend) : Np.FFT.RfftFreq(a[0].GetInt32(), d, backend);
            }
        }
        throw new NotSupportedException($"the fixture runner does not know how to call '{c.Function}'");
    }
}
