using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Richtsnoer.Core.Content;
using Richtsnoer.Core.PostCheck;
using Richtsnoer.Email;
using Richtsnoer.Storage;
using Richtsnoer.Storage.Migrations;
using Richtsnoer.Web.Features.Account;
using Richtsnoer.Web.Features.Protocol;
using Richtsnoer.Web.Features.Rollout;
using Richtsnoer.Web.Features.Tools;

namespace Richtsnoer.Web.Infrastructure;

public static class RichtsnoerServices
{
    /// <summary>The employee tools: an account, or a staff session (the page then checks the organisation).</summary>
    public const string AccountOrStaff = "AccountOrStaff";

    /// <summary>Everything the web app needs: content, storage, accounts, pages, health.</summary>
    public static WebApplicationBuilder AddRichtsnoerServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(_ => ContentLibrary.Default);
        services.AddSingleton(TimeProvider.System);
        services.AddRichtsnoerStorage(DatabaseSettings.Read(builder.Configuration, builder.Environment));
        services.AddRichtsnoerEmail(builder.Configuration);
        services.AddReverseProxySupport(builder.Configuration);
        services.AddRichtsnoerRateLimits(builder.Configuration);
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Richtsnoer";
            document.Info.Description = "Versies, vaststelling en logboek van het social-mediaprotocol / versions, adoption and audit trail of the social media protocol. Aanmelden met de cookie van de web-app; wijzigende verzoeken zijn JSON.";
            return Task.CompletedTask;
        }));
        services.AddOptions<Features.Account.AccountOptions>().Bind(builder.Configuration.GetSection("Richtsnoer:Accounts"));
        services.AddOptions<UsageLimits>().Bind(builder.Configuration.GetSection("Richtsnoer:Limits"));
        services.AddRequestLimits(builder);

        // Keys live in the database (see StorageServices), so every instance reads every cookie;
        // with a certificate configured they are stored encrypted (DataProtectionKeys).
        services.AddDataProtection().SetApplicationName("Richtsnoer").ProtectKeysWhenConfigured(builder.Configuration, builder.Environment);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "richtsnoer.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddStaffSessions();
        services.AddAuthorization(o => o.AddPolicy(AccountOrStaff, p => p
            .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme, StaffAuth.Scheme)
            .RequireAuthenticatedUser()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "richtsnoer.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Organisations");
            o.Conventions.AuthorizeFolder("/Interview");
            o.Conventions.AuthorizeFolder("/Protocol");
            o.Conventions.AuthorizeFolder("/Tools", AccountOrStaff);
        });

        services.AddSingleton<ProtocolBuilder>();
        services.AddSingleton<Features.Versions.VersionService>();
        services.AddSingleton<Features.Versions.ConsentRequestService>();
        services.AddSingleton(_ => CheckLexicon.Default);
        services.AddSingleton<EmployeeTools>();
        services.AddHostedService<PostCheckWarmUp>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AccountMail>();
        services.AddOptions<RolloutOptions>().Bind(builder.Configuration.GetSection("Richtsnoer:Rollout"))
            .Validate(o => o.ReminderDays is null || (o.ReminderDays.Length <= Core.Rollout.ReminderSchedule.MaxReminders && o.ReminderDays.Where((d, i) => d >= 1 && (i == 0 || d > o.ReminderDays[i - 1])).Count() == o.ReminderDays.Length),
                "Richtsnoer:Rollout:ReminderDays: at most 3 days, positive and rising (for example [7, 14]).")
            .Validate(o => o.DueDays >= 1 && o.IntervalSeconds >= 1, "Richtsnoer:Rollout:DueDays and :IntervalSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<RolloutService>();
        services.AddSingleton<Features.StaffPortal.StaffReading>();
        services.AddHostedService<RolloutBackgroundService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Creates the SQLite file on first run and applies every pending migration.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<Database>();
        var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync();
        app.Logger.LogInformation("Database {Provider} ready ({Applied} migration(s) applied){File}",
            database.Provider, applied, database.SqliteFile is { } f ? " at " + f : "");
    }
}
