using PdfSharp;

namespace StudioApi.Features.Messaging.Printing;

/// <summary>Common label sheets, by the makers' numbers.</summary>
public enum LabelStock
{
    /// <summary>Avery 5160 (US Letter): 30 address labels, 3 across, 2⅝″ × 1″.</summary>
    Avery5160,
    /// <summary>Avery 5163 (US Letter): 10 shipping labels, 2 across, 4″ × 2″.</summary>
    Avery5163,
    /// <summary>Avery L7160 (A4): 21 labels, 3 across, 63.5 × 38.1 mm.</summary>
    AveryL7160,
}

/// <summary>Where each label of a sheet is, in points (1/72″), measured from the sheet's top-left corner.</summary>
public sealed record LabelSheet(PageSize Page, int Columns, int Rows, double Width, double Height, double Left, double Top, double PitchX, double PitchY)
{
    const double Inch = 72, Millimetre = 72 / 25.4;

    public int PerSheet => Columns * Rows;

    public static LabelSheet Of(LabelStock stock) => stock switch
    {
        LabelStock.Avery5163 => new(PageSize.Letter, 2, 5, 4 * Inch, 2 * Inch, 0.15625 * Inch, 0.5 * Inch, 4.1875 * Inch, 2 * Inch),
        LabelStock.AveryL7160 => new(PageSize.A4, 3, 7, 63.5 * Millimetre, 38.1 * Millimetre, 7.25 * Millimetre, 15.15 * Millimetre, 66.04 * Millimetre, 38.1 * Millimetre),
        _ => new(PageSize.Letter, 3, 10, 2.625 * Inch, 1 * Inch, 0.1875 * Inch, 0.5 * Inch, 2.75 * Inch, 1 * Inch),
    };
}
