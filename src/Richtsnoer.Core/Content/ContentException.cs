namespace Richtsnoer.Core.Content;

/// <summary>A mistake in a content file, with the place to fix it.</summary>
public sealed record ContentError(string File, long Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

public sealed class ContentException(IReadOnlyList<ContentError> errors)
    : Exception("The content library has errors:\n" + string.Join('\n', errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;
}
