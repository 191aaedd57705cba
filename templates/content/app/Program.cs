using ArrayDispatch;
using ArrayDispatch.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
using IHost host = builder.Build();
await host.StartAsync();                                   // binds the static Np facade to this host's dispatcher

var dispatcher = host.Services.GetRequiredService<IArrayDispatcher>();
Console.WriteLine($"backends: {string.Join(", ", dispatcher.Backends)}");

NDArray x = Np.Arange(6.0).Reshape(2, 3);                  // Dense makes it (the one loaded backend that implements arange)
Console.WriteLine($"Dense: sum over axis 0 = {string.Join(", ", Np.Sum(x, axis: 0).ToArray<double>())}");

if (dispatcher.Backends.Contains("PLUGIN_NAME"))
{
    NDArray mine = Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "PLUGIN_NAME");
    Console.WriteLine($"PLUGIN_NAME: sum = {Np.Sum(mine)}");     // answered by the plugin that owns the array (NEP 18)
}
await host.StopAsync();
