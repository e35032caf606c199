using System.Text.Encodings.Web;
using System.Text.Json;

namespace Richtsnoer.Core.PostCheck;

/// <summary>
/// The JSON answer of the post check, shared by the CLI (<c>check-post --json</c>) and the web API:
/// <c>{"verdict": "green|orange|red", "findings": [{"category", "start", "length", "message", "clause"}], "total": N}</c>.
/// <c>total</c> counts every finding; the web API lists only the first 200 of them.
/// <c>start</c> and <c>length</c> count UTF-16 code units of the draft; <c>message</c> ends with
/// whom to ask; <c>clause</c> is the number and title of the organisation's clause, or null.
/// </summary>
public static class PostCheckJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(PostCheckResult result, Stream stream, bool indented = false)
    {
        using var writer = new Utf8JsonWriter(stream, Options with { Indented = indented });
        Write(result, writer);
    }

    public static string ToJson(PostCheckResult result, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(result, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(PostCheckResult result, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("verdict", result.Verdict.Id());
        writer.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("category", f.Category.Id());
            writer.WriteNumber("start", f.Start);
            writer.WriteNumber("length", f.Length);
            writer.WriteString("message", f.FullMessage);
            if (f.Clause is null)
            {
                writer.WriteNull("clause");
            }
            else
            {
                writer.WriteString("clause", f.Clause.ToString());
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("total", result.Total);
        writer.WriteEndObject();
        writer.Flush();
    }
}
