using System.Text;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>CSV exports meant for a spreadsheet (the audit trail, the roll-out overview).</summary>
public static class SpreadsheetCsv
{
    /// <summary>A CSV field: quoted, quotes doubled; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.</summary>
    public static string Field(string value)
    {
        var v = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The file's bytes: UTF-8 with a BOM, so Excel reads the accents right.</summary>
    public static byte[] Bytes(string csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
}
