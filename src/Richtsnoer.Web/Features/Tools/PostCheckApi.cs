using System.Text.Json;
using Richtsnoer.Core;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Web.Infrastructure;

namespace Richtsnoer.Web.Features.Tools;

/// <summary>
/// <c>POST /api/o/{orgId}/post-check</c> with <c>{"text": "...", "lang": "nl|en"}</c> answers
/// with the same JSON as <c>richtsnoer check-post --json</c>. Only for signed-in members of the
/// organisation (401 when not signed in, 404 for any other organisation); only JSON requests,
/// so a form on another site cannot post here. The text is never stored or logged.
/// </summary>
public static class PostCheckApi
{
    private sealed record Request(string? Text, string? Lang);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapPostCheckApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/o/{orgId:guid}/post-check", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(Guid orgId, HttpContext context, OrganisationStore organisations, EmployeeTools tools)
    {
        context.Response.Headers.CacheControl = "no-store";
        var ui = context.Lang();
        var userId = context.User.UserId();
        var staff = userId == Guid.Empty ? await Rollout.StaffAuth.SessionAsync(context) : null;
        if (userId == Guid.Empty && staff is null)
        {
            return Error(StatusCodes.Status401Unauthorized, ui, "Log eerst in.", "Log in first.");
        }

        if (staff is not null ? staff.OrganisationId != orgId : await organisations.FindMembershipAsync(orgId, userId) is null)
        {
            return Error(StatusCodes.Status404NotFound, ui, "Deze organisatie bestaat niet of u hoort er niet bij.", "This organisation does not exist or you are not a member.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, ui, "Stuur JSON: {\"text\": \"...\"}.", "Send JSON: {\"text\": \"...\"}.");
        }

        if (context.Request.ContentLength > EmployeeTools.MaxLength * 4L)
        {
            return TooLong(ui);
        }

        Request? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<Request>(context.Request.Body, Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(StatusCodes.Status400BadRequest, ui, "Dit is geen geldige JSON.", "This is not valid JSON.");
        }

        if (request?.Text is not { } text)
        {
            return Error(StatusCodes.Status400BadRequest, ui, "Het veld \"text\" ontbreekt.", "The field \"text\" is missing.");
        }

        var language = LanguageExtensions.TryParse(request.Lang, out var l) ? l : ui;
        if (request.Lang is not null && !LanguageExtensions.TryParse(request.Lang, out _))
        {
            return Error(StatusCodes.Status400BadRequest, language, "\"lang\" is nl of en.", "\"lang\" is nl or en.");
        }

        if (text.Length > EmployeeTools.MaxLength)
        {
            return TooLong(language);
        }

        if (await tools.ForAsync(orgId, language) is not { } ctx)
        {
            return Error(StatusCodes.Status404NotFound, language, "Deze organisatie bestaat niet of u hoort er niet bij.", "This organisation does not exist or you are not a member.");
        }

        var result = ctx.Check(text, context.RequestAborted);
        return Results.Text(PostCheckJson.ToJson(result), "application/json; charset=utf-8");
    }

    private static IResult TooLong(Language language) =>
        Error(StatusCodes.Status413PayloadTooLarge, language, EmployeeTools.TooLong.Nl, EmployeeTools.TooLong.En);

    /// <summary>ProblemDetails (RFC 9457), with the message also as "error" for clients of the first version.</summary>
    private static IResult Error(int status, Language language, string nl, string en)
    {
        var message = language == Language.Nl ? nl : en;
        return Results.Problem(detail: message, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = message });
    }
}
