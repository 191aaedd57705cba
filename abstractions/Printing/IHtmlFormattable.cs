namespace ArrayDispatch.Printing;

/// <summary>
/// An array that shows itself as HTML in notebooks (the role of Jupyter's <c>_repr_html_</c>), e.g. Chunked's Dask
/// card. Notebook formatters use it before their own rendering, so that they need not know the backend.
/// </summary>
public interface IHtmlFormattable
{
    /// <summary>A self-contained HTML fragment (no scripts) that shows the object.</summary>
    string ToHtml();
}
