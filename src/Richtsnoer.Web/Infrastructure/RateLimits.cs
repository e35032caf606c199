using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Richtsnoer.Web.Infrastructure;

/// <summary><c>Richtsnoer:RateLimits</c>: requests per minute (token buckets that refill every minute).</summary>
public sealed class RateLimitOptions
{
    /// <summary>POSTs to login, register, forgot and reset per IP address.</summary>
    public int AccountPerMinute { get; set; } = 20;

    /// <summary>Post checks (page and API) per signed-in user.</summary>
    public int PostCheckPerMinute { get; set; } = 30;

    /// <summary>Other API calls per signed-in user.</summary>
    public int ApiPerMinute { get; set; } = 120;
}

/// <summary>
/// ASP.NET Core's rate limiter in front of what an attacker or a runaway script would hammer. The
/// buckets live in each instance's memory (they protect that instance's CPU); the login back-off
/// that protects accounts lives in the database (<c>LoginAttemptStore</c>). A refused request gets
/// 429 with Retry-After: a friendly page for a browser, ProblemDetails JSON for the API.
/// </summary>
public static class RateLimits
{
    private static readonly HashSet<string> AccountForms = new(StringComparer.OrdinalIgnoreCase)
    {
        "/account/login", "/account/register", "/account/register/complete", "/account/forgot", "/account/reset", "/invite",
    };

    private static readonly System.Text.RegularExpressions.Regex StaffLinkRequest = new("^/s/[0-9a-fA-F-]{36}/link/?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static IServiceCollection AddRichtsnoerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Richtsnoer:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var post = HttpMethods.IsPost(context.Request.Method);
        if (post && AccountForms.Contains(path.TrimEnd('/')) && context.Connection.RemoteIpAddress is { } ip)
        {
            return Bucket("account:" + ip, options.AccountPerMinute);
        }

        // A staff member asking for a new personal link: the same bucket as the account forms.
        if (post && StaffLinkRequest.IsMatch(path) && context.Connection.RemoteIpAddress is { } linkIp)
        {
            return Bucket("account:" + linkIp, options.AccountPerMinute);
        }

        var user = context.User.UserId();
        if (user == Guid.Empty)
        {
            // Staff (signed in by personal link, no account) checking posts: per IP address, with
            // room for an office behind one address.
            return post && path.EndsWith("/post-check", StringComparison.OrdinalIgnoreCase) && context.Connection.RemoteIpAddress is { } checkIp
                ? Bucket("post-check-ip:" + checkIp, options.PostCheckPerMinute * 4)
                : RateLimitPartition.GetNoLimiter("none");
        }

        // The owner's "try a post" box on the other-words page runs the same check.
        if (post && (path.EndsWith("/post-check", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/check-terms", StringComparison.OrdinalIgnoreCase)))
        {
            return Bucket("post-check:" + user, options.PostCheckPerMinute);
        }

        return path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            ? Bucket("api:" + user, options.ApiPerMinute)
            : RateLimitPartition.GetNoLimiter("none");
    }

    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = Math.Max(1, perMinute),
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Richtsnoer.RateLimits")
            .LogWarning("Rate limit reached for {Method} {Path}; retry after {Seconds} s", context.Request.Method, context.Request.Path, seconds);

        await PlainErrorPage.WriteAsync(
            context,
            StatusCodes.Status429TooManyRequests,
            ErrorTexts.SlowDownTitle,
            new($"Er kwamen in korte tijd te veel verzoeken van u binnen. Probeer het over {seconds} seconden opnieuw.", $"Too many requests arrived from you in a short time. Please try again in {seconds} seconds."),
            ct);
    }
}
