namespace ArrayDispatch.Chunked.Linalg;

/// <summary>
/// The value of one CholeskyQR step (a task value that travels between workers like a QR result): R of the step and its
/// inverse, which turns rows of the input into rows of Q; or, where Cholesky would lose accuracy, the Householder QR of
/// the whole input (<see cref="Q"/> set, no inverse). A second step after a Householder one has neither (Q is final).
/// </summary>
/// <param name="R">Upper triangular, n × n.</param>
/// <param name="RInverse">R⁻¹, or null when rows need no correction by this step.</param>
/// <param name="Q">The Householder Q of the stacked input (m × n), or null.</param>
internal sealed record TallSkinnyFactor(NDArray R, NDArray? RInverse, NDArray? Q);
