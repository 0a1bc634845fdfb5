using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using StudioApi.Platform.Addresses;
using StudioApi.Platform.Studio;
using StudioApi.Platform.Time;

namespace StudioApi.Features.Scheduling.Sessions.Confirmations;

/// <summary>
/// A self-contained, printable HTML page on the studio's letterhead. Callers hand it plain text only: every value
/// goes through the HTML encoder here, so a client named <c>&lt;script&gt;</c> prints as text and never runs.
/// </summary>
public sealed class ConfirmationPage
{
    public const string ContentType = "text/html";

    // All of Unicode stays readable in the source (Zoë, not Zo&#xEB;); markup characters are still encoded.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    static readonly CultureInfo English = CultureInfo.InvariantCulture;

    readonly string title;
    readonly StudioSettings studio;
    readonly StringBuilder body = new();

    public ConfirmationPage(string title, StudioSettings studio)
    {
        this.title = title;
        this.studio = studio;
    }

    // Line breaks stay line breaks in the source (the encoder would write &#xA;); CSS pre-line shows them.
    static string Encode(string? text) =>
        string.Join("\n", (text ?? "").ReplaceLineEndings("\n").Split('\n').Select(line => Encoder.Encode(line)));

    /// <summary>A line in a box above everything else, for what must not be missed (a cancelled session).</summary>
    public ConfirmationPage Notice(string text)
    {
        body.Append("<p class=\"notice\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A headed list of label/value pairs; pairs without a value are left out, and a section with none at all.</summary>
    public ConfirmationPage Facts(string heading, params (string Label, string? Value)[] facts)
    {
        var present = facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        if (present.Count == 0)
            return this;
        body.Append("<section>\n<h2>").Append(Encode(heading)).Append("</h2>\n<dl>\n");
        foreach (var (label, value) in present)
            body.Append("<dt>").Append(Encode(label)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>\n");
        body.Append("</dl>\n</section>\n");
        return this;
    }

    /// <summary>A headed table; left out when it has no rows.</summary>
    public ConfirmationPage Table(string heading, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var all = rows.ToList();
        if (all.Count == 0)
            return this;
        body.Append("<section>\n<h2>").Append(Encode(heading)).Append("</h2>\n<table>\n<thead><tr>");
        foreach (var column in columns)
            body.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in all)
        {
            body.Append("<tr>");
            foreach (var cell in row)
                body.Append("<td>").Append(Encode(cell)).Append("</td>");
            body.Append("</tr>\n");
        }
        body.Append("</tbody>\n</table>\n</section>\n");
        return this;
    }

    /// <summary>A closing paragraph.</summary>
    public ConfirmationPage Closing(string text)
    {
        body.Append("<p class=\"closing\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public string Render()
    {
        var contact = string.Join("\n", new[] { Address(studio.Address), studio.Phone, studio.Email, studio.Website }
            .Where(line => !string.IsNullOrWhiteSpace(line)));
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} – {{Encode(studio.Name)}}</title>
            <style>
            body { font-family: "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
            header { display: flex; justify-content: space-between; gap: 2rem; border-bottom: 2px solid #222; padding-bottom: 0.75rem; }
            header .studio { font-size: 1.4rem; font-weight: bold; }
            header address { font-style: normal; white-space: pre-line; text-align: right; }
            h1 { font-size: 1.5rem; margin: 1.25rem 0 0.5rem; }
            h2 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; border-bottom: 1px solid #bbb; }
            dl { display: grid; grid-template-columns: 12rem 1fr; gap: 0.25rem 1rem; margin: 0; }
            dt { font-weight: bold; }
            dd { margin: 0; white-space: pre-line; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 0.2rem 0.5rem 0.2rem 0; border-bottom: 1px solid #ddd; white-space: pre-line; }
            .notice { border: 2px solid #a00; color: #a00; font-weight: bold; padding: 0.5rem; }
            .closing { margin-top: 1.5rem; }
            @media print {
              @page { margin: 15mm; }
              body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
              section, tr { break-inside: avoid; }
            }
            </style>
            </head>
            <body>
            <header>
            <div class="studio">{{Encode(studio.Name)}}</div>
            <address>{{Encode(contact)}}</address>
            </header>
            <main>
            <h1>{{Encode(title)}}</h1>
            {{body}}</main>
            </body>
            </html>

            """;
    }

    /// <summary>A postal address as lines: street, then "City, Region PostalCode", then the country code.</summary>
    public static string? Address(PostalAddress? address)
    {
        if (address is null)
            return null;
        var town = string.Join(" ", new[] { string.Join(", ", new[] { address.City, address.Region }.Where(p => !string.IsNullOrWhiteSpace(p))), address.PostalCode }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var lines = new[] { address.Line1, address.Line2, town, address.Country }.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        return lines.Count == 0 ? null : string.Join("\n", lines);
    }

    /// <summary>A day and wall-clock times as people write them: "Saturday, 14 March 2026, 10:00–11:00".</summary>
    public static string When(DateOnly date, TimeOnly start, TimeOnly end) =>
        $"{Day(date)}, {WallClock.FormatTime(start)}–{WallClock.FormatTime(end)}";

    public static string Day(DateOnly date) => date.ToString("dddd, d MMMM yyyy", English);

    /// <summary>An instant as the studio's wall clock showed it, e.g. "14 Mar 2026 09:05".</summary>
    public static string Moment(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", English);

    public static string YesNo(bool value) => value ? "Yes" : "No";
}
