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
    bool Required = true);
