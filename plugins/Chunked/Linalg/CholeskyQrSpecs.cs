using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Linalg;

/// <summary>
/// One CholeskyQR step as a task description (so that an Orleans worker runs it as the local scheduler does): a Gram
/// matrix G, then R = cholesky(G) (upper) and R⁻¹.
/// The first step reads the row chunks themselves (its inputs), sums their Gram matrices and accepts R only when
/// ‖R‖_F ‖R⁻¹‖_F (at least κ₂ of the input) is within <see cref="KappaLimit"/>, CholeskyQR2's error bound; otherwise, or
/// when Cholesky fails (rank deficiency, NaN), it takes the Householder QR of the stacked chunks (TSQR's answer for
/// square chunks), whose Q the next step's rows copy.
/// The second step sums the Gram matrices of the first step's rows (its first <see cref="Grams"/> inputs) and gives
/// R = R₂ R₁ with R₂⁻¹ to finish the rows; after a Householder first step whose rows hold NaN or infinity (no Cholesky
/// possible) it passes R₁ on, so the SVD of R reports the non-finite input as NumPy's does.
/// </summary>
internal sealed class CholeskyStepSpec(int grams, bool first, double kappaLimit) : TaskSpec
{
    public int Grams { get; } = grams;

    public bool First { get; } = first;

    public double KappaLimit { get; } = kappaLimit;

    public override string Kind => "cholesky-qr-step";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        // The first step's inputs are row chunks, whose Gram matrices it makes as it adds them; the second's are Gram matrices.
        IEnumerable<NDArray> parts = inputs.Take(Grams).Select(v => (NDArray)v);
        NDArray gram = FoldSpec.Run(dispatcher, ArrayFunctions.Add, First ? parts.Select(a => Gram(dispatcher, a)) : parts);
        if (First)
        {
            if (TryCholesky(dispatcher, gram, KappaLimit) is { } accepted) return accepted;
            NDArray[] rows = [.. inputs.Take(Grams).Cast<NDArray>()];
            NDArray stacked = rows.Length == 1 ? rows[0] : dispatcher.Invoke(ArrayFunctions.Concatenate, new ArrayListArgs(rows, 0));
            QrResult qr = dispatcher.Invoke(ArrayFunctions.Qr, new QrArgs(stacked, QrMode.Reduced));
            return new TallSkinnyFactor(qr.R, null, qr.Q);
        }
        var step1 = (TallSkinnyFactor)inputs[Grams];
        if (TryCholesky(dispatcher, gram, double.PositiveInfinity) is not { } step2)
        {
            // Within the first step's bound the rows are orthonormal to about √u κ (their Gram matrix close to I), and a
            // Householder Q is orthonormal: only non-finite values in a Householder step's rows get here.
            if (step1.Q is not null) return new TallSkinnyFactor(step1.R, null, null);
            throw new InvalidOperationException("CholeskyQR2: the second step's Gram matrix is not positive definite although the first step was within its error bound");
        }
        return new TallSkinnyFactor(dispatcher.Invoke(ArrayFunctions.MatMul, new PairArgs(step2.R, step1.R)), step2.RInverse, null);
    }

    /// <summary>Aᵀ A of a row chunk (a transposed view times the chunk: the chunk backend's syrk where it has one).</summary>
    internal static NDArray Gram(IArrayDispatcher dispatcher, NDArray a) =>
        dispatcher.Invoke(ArrayFunctions.MatMul, new PairArgs(dispatcher.Invoke(ArrayFunctions.Transpose, new AxesArgs(a)), a));

    private static TallSkinnyFactor? TryCholesky(IArrayDispatcher dispatcher, NDArray gram, double kappaLimit)
    {
        NDArray r, inverse;
        try
        {
            r = dispatcher.Invoke(ArrayFunctions.Cholesky, new HermitianArgs(gram, Upper: true));
            inverse = dispatcher.Invoke(ArrayFunctions.Inv, new ArrayArgs(r));
        }
        catch (LinAlgException)
        {
            return null;
        }
        double kappa = ChunkedLinalg.ReadScalar(dispatcher.Invoke(ArrayFunctions.Norm, new NormArgs(r)))
            * ChunkedLinalg.ReadScalar(dispatcher.Invoke(ArrayFunctions.Norm, new NormArgs(inverse)));
        return kappa <= kappaLimit ? new TallSkinnyFactor(r, inverse, null) : null;   // NaN or inf: not accepted
    }
}

/// <summary>
/// Rows finished by a CholeskyQR step (input <see cref="FactorInput"/>): <see cref="Operand"/> times R⁻¹ (R⁻¹ times it
/// when <see cref="Left"/>); rows [<see cref="RowStart"/>, <see cref="RowEnd"/>) of the step's Householder Q where it took
/// one; the operand as it is where the step has nothing to apply.
/// </summary>
internal sealed class FactorApplySpec(TaskSpec operand, int factorInput, int rowStart, int rowEnd, bool left) : TaskSpec
{
    public TaskSpec Operand { get; } = operand;

    public int FactorInput { get; } = factorInput;

    public int RowStart { get; } = rowStart;

    public int RowEnd { get; } = rowEnd;

    public bool Left { get; } = left;

    public override string Kind => "cholesky-qr-apply";

    internal override object Evaluate(IArrayDispatcher dispatcher, object[] inputs)
    {
        var factor = (TallSkinnyFactor)inputs[FactorInput];
        var operand = (NDArray)Operand.Evaluate(dispatcher, inputs);
        if (factor.Q is { } q)
        {
            // The chunk's rows of the Householder Q: the chunk must be those rows (a graph built wrongly would mix them up).
            if (operand.Shape.Dims[0] != RowEnd - RowStart) throw new InvalidOperationException($"CholeskyQR: a row chunk of shape {operand.Shape} takes rows {RowStart}:{RowEnd} of Q");
            return dispatcher.Invoke(ArrayFunctions.GetItem, new IndexArgs(q, [new Slice(RowStart, RowEnd), ArrayIndex.All]));
        }
        if (factor.RInverse is not { } inverse) return operand;
        return dispatcher.Invoke(ArrayFunctions.MatMul, Left ? new PairArgs(inverse, operand) : new PairArgs(operand, inverse));
    }
}
