using ArrayDispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
builder.Services.AddSingleton<Statistics>();
using IHost host = builder.Build();
await host.StartAsync();                                    // binds Np to this host's dispatcher

var stats = host.Services.GetRequiredService<Statistics>();
Console.WriteLine($"mean = {stats.Mean([1.0, 2.0, 3.0, 4.0])}");     // through injected IArrayApi
NDArray x = Np.Arange(6.0).Reshape(2, 3);                     // through the static facade
Console.WriteLine($"sum over axis 0 = [{string.Join(", ", Np.Sum(x, axis: 0).ToArray<double>())}]");
await host.StopAsync();

/// <summary>A service that takes the array API by injection.</summary>
internal sealed class Statistics(IArrayApi api)
{
    public double Mean(double[] values) => api.Run(() => Np.Mean(api.AsArray(values)).Item<double>());
}
