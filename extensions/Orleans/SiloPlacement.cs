using global::Orleans.Placement;
using global::Orleans.Runtime;
using global::Orleans.Runtime.Placement;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// Places a grain on the silo its string key names (<see cref="SiloAddress.ToParsableString"/>): the client addresses a
/// worker per silo, so that it, not Orleans' random placement, decides where a task runs (data locality). Orleans' own
/// placement extension point; membership and messaging stay Orleans'.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking, Alias("ArrayDispatch.Chunked.SiloPlacement")]
public sealed class SiloPlacement : PlacementStrategy
{
    internal static readonly SiloPlacement Instance = new();
}

/// <summary>Marks a grain class placed by <see cref="SiloPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPlacementAttribute : PlacementAttribute
{
    /// <summary>The attribute.</summary>
    public SiloPlacementAttribute() : base(SiloPlacement.Instance) { }
}

/// <summary>The director of <see cref="SiloPlacement"/>.</summary>
internal sealed class SiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        string key = target.GrainIdentity.Key.ToString()!;
        SiloAddress[] silos = context.GetCompatibleSilos(target);
        foreach (SiloAddress silo in silos)
        {
            if (silo.ToParsableString() == key) return Task.FromResult(silo);
        }
        throw new SiloUnavailableException($"chunk worker silo {key} is not an active member of the cluster");
    }
}
