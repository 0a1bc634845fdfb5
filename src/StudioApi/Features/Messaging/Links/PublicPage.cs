using System.Text;
using System.Text.Encodings.Web;

namespace StudioApi.Features.Messaging.Links;

/// <summary>
/// The small HTML pages a client sees after following a link in a message: a heading, a line of text, and (before the
/// click that acts) a button that posts back to the same link. A link opened by a mail scanner (a GET) changes
/// nothing: only the button does. Every value is HTML-encoded.
/// </summary>
public static class PublicPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string Render(string studio, string heading, string text, string? buttonLabel = null, string? postTo = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Encode(heading)).Append("</title>");
        html.Append("<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222}")
            .Append("button{font-size:1.1rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#2a6f4e;color:#fff;cursor:pointer}</style>");
        html.Append("</head><body><p>").Append(Encode(studio)).Append("</p><h1>").Append(Encode(heading)).Append("</h1><p>")
            .Append(Encode(text)).Append("</p>");
        if (buttonLabel is not null && postTo is not null)
            html.Append("<form method=\"post\" action=\"").Append(Encode(postTo)).Append("\"><button type=\"submit\">")
                .Append(Encode(buttonLabel)).Append("</button></form>");
        html.Append("</body></html>");
        return html.ToString();
    }

    static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
