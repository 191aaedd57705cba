namespace ArrayDispatch.Chunked.Graph;

/// <summary>The work of one task: receives the values of its dependencies, in the order of <see cref="ChunkTask.Dependencies"/>.</summary>
public delegate object TaskFunc(object[] inputs);
