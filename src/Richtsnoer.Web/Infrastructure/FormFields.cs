using Richtsnoer.Core;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>One labelled input with its hint and its error, for the shared _Input partial.</summary>
public sealed record InputField(
    string Name,
    string Label,
    string? Value,
    LocalText? Error,
    string Type = "text",
    string? AutoComplete = null,
    string? Hint = null,
    int? MaxLength = null,
    bool Required = true,
    string? Id = null)
{
    /// <summary>The id the field's elements are named by: the name, unless two forms on a page share a name.</summary>
    public string Key => Id ?? Name;
}

public static class FormText
{
    /// <summary>
    /// Browsers send line breaks as CR LF; Core accepts LF only (a CR is a control character).
    /// Every text a user typed passes through here before Core sees it.
    /// </summary>
    public static string Lines(string? text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n');
}
