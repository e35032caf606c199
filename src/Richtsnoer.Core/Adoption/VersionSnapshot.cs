using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Richtsnoer.Core.Model;

namespace Richtsnoer.Core.Adoption;

/// <summary>One assembled document of a version: the protocol or the staff summary, in one language.</summary>
public sealed record SnapshotDocument(Language Language, DocumentKind Kind, ProtocolDocument Document);

/// <summary>
/// Everything a version is, frozen: the answers file it came from, the version of the clause
/// library, and the assembled documents in every selected language. Its JSON text is stored as
/// is and its SHA-256 is the version's fingerprint, so anyone can check later that a text is the
/// one that was adopted (docs/evidence.md). The consent requirement is frozen with it, so a later
/// change of the interview cannot change what a version needed.
/// </summary>
public sealed record VersionSnapshot(
    int Format,
    Guid OrganisationId,
    string Label,
    string ContentVersion,
    string Answers,
    ConsentRequirement Requirement,
    IReadOnlyList<SnapshotDocument> Documents)
{
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { BlockTypes } },
    };

    /// <summary>Blocks are polymorphic: each carries its kind.</summary>
    private static void BlockTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(Block))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "block",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(Paragraph), "paragraph"),
                new JsonDerivedType(typeof(BulletList), "bullets"),
                new JsonDerivedType(typeof(NumberedList), "numbered"),
                new JsonDerivedType(typeof(Table), "table"),
                new JsonDerivedType(typeof(Example), "example"),
            },
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static VersionSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<VersionSnapshot>(json, Options) ?? throw new JsonException("Empty version snapshot.");

    /// <summary>
    /// Only the frozen consent requirement of a stored snapshot, without building its documents:
    /// what listing versions and moving one need.
    /// </summary>
    public static ConsentRequirement RequirementOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("requirement").Deserialize<ConsentRequirement>(Options)
            ?? throw new JsonException("A version snapshot without its consent requirement.");
    }

    /// <summary>SHA-256 of the stored text (UTF-8), lower-case hex: what <c>sha256sum</c> prints for it.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public ProtocolDocument? Find(Language language, DocumentKind kind) =>
        Documents.FirstOrDefault(d => d.Language == language && d.Kind == kind)?.Document;

    public IReadOnlyList<Language> Languages => Documents.Select(d => d.Language).Distinct().ToList();

    /// <summary>
    /// True when the protocols are word for word those of <paramref name="other"/>, in every
    /// language (the staff summaries follow from them, and name the version label).
    /// </summary>
    public bool SameText(VersionSnapshot other) =>
        JsonSerializer.Serialize(Documents.Where(d => d.Kind == DocumentKind.Protocol).Select(Comparable), Options)
        == JsonSerializer.Serialize(other.Documents.Where(d => d.Kind == DocumentKind.Protocol).Select(Comparable), Options);

    /// <summary>A document without what differs between two versions of the same text: its version label and generation date.</summary>
    private static SnapshotDocument Comparable(SnapshotDocument d) =>
        d with { Document = d.Document with { Metadata = d.Document.Metadata with { Version = string.Empty, GeneratedOn = default } } };
}

/// <summary>The version of the clause library: a short SHA-256 over every file under content/.</summary>
public static class ContentVersion
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Cache = new();

    public static string Of(string directory) => Cache.GetOrAdd(Path.GetFullPath(directory), d =>
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(d, file).Replace('\\', '/') + "\0"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return "content-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    });
}
