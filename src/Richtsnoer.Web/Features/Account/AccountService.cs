using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Storage.Logins;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Web.Features.Account;

/// <summary>Settings under <c>Richtsnoer:Accounts</c>.</summary>
public sealed class AccountOptions
{
    /// <summary>
    /// Registration by e-mail link (neutral about taken addresses). Unset: on when SMTP is
    /// configured, off otherwise, because without e-mail nobody could finish registering.
    /// </summary>
    public bool? VerifyRegistration { get; set; }
}

public enum LoginOutcome
{
    Success,
    WrongCredentials,

    /// <summary>Too many failures just now: try again at the given time (the password was not checked).</summary>
    Throttled,
}

/// <summary>
/// Registration and login: passwords hashed with ASP.NET Core Identity's PasswordHasher. Failed
/// logins slow down progressively per address and per source (<see cref="LoginBackOff"/>); the
/// attempts live in the database, so the back-off holds across instances.
/// </summary>
public sealed partial class AccountService(
    UserStore users,
    LoginAttemptStore attempts,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<AccountOptions> options,
    Microsoft.Extensions.Options.IOptions<Richtsnoer.Email.EmailOptions> email,
    ILogger<AccountService> logger)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;

    private static readonly PasswordHasher<User> Hasher = new();

    // Verified against for unknown addresses, so a wrong address takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "richtsnoer-dummy-password");

    public static LocalText? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new("Vul uw e-mailadres in.", "Enter your e-mail address.");
        }

        if (!EmailAddress.IsValid(email))
        {
            return new("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.", "This is not a valid e-mail address. Write it like name@example.com.");
        }

        return null;
    }

    /// <summary>Characters that show: not spaces, not control or invisible formatting characters (such as zero-width spaces).</summary>
    private static int Visible(string password) => password.EnumerateRunes().Count(r =>
        !Rune.IsWhiteSpace(r) && Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark));

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        var path = Path.Combine(Core.Content.ContentLibrary.DefaultDirectory(), "security", "common-passwords.txt");
        return File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>True when the password is on the shipped list of common passwords.</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public static LocalText? CheckNewPassword(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength || Visible(password) < MinPasswordLength)
        {
            return new($"Kies een wachtwoord van minstens {MinPasswordLength} zichtbare tekens.", $"Choose a password of at least {MinPasswordLength} visible characters.");
        }

        if (password.Distinct().Count() < 4)
        {
            return new("Kies een wachtwoord met meer verschillende tekens.", "Choose a password with more different characters.");
        }

        if (IsCommon(password))
        {
            return new("Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden en is daardoor makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.", "This password is on the list of common passwords, so it is easy to guess. Choose another, for example a sentence of a few words.");
        }

        if (password.Length > MaxPasswordLength)
        {
            return new($"Een wachtwoord mag hoogstens {MaxPasswordLength} tekens lang zijn.", $"A password can be at most {MaxPasswordLength} characters long.");
        }

        if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new("Kies een wachtwoord dat niet gelijk is aan uw e-mailadres.", "Choose a password that differs from your e-mail address.");
        }

        return null;
    }

    /// <summary>
    /// The new password and its repetition, as every form that sets a password asks them: a
    /// problem with the password goes under "Password", a different repetition under "PasswordAgain".
    /// </summary>
    public static void CheckNewPassword(string? password, string? again, string? email, IDictionary<string, LocalText> errors)
    {
        if (CheckNewPassword(password, email) is { } problem)
        {
            errors["Password"] = problem;
        }
        else if (password != again)
        {
            errors["PasswordAgain"] = new("De twee wachtwoorden zijn niet gelijk.", "The two passwords differ.");
        }
    }

    /// <summary>
    /// True when registration goes through an e-mail link, so the registration page answers the
    /// same for a taken address: configured, or else on whenever SMTP is configured.
    /// </summary>
    public bool RegistrationVerified => options.Value.VerifyRegistration ?? email.Value.SmtpConfigured;

    /// <summary>A new account's record, with the password hashed; not stored yet.</summary>
    public User NewUser(string email, string password, Language language)
    {
        var user = new User
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            PasswordHash = string.Empty,
            SecurityStamp = User.NewSecurityStamp(),
            Language = language.Code(),
            CreatedAt = clock.GetUtcNow(),
        };
        return user with { PasswordHash = Hasher.HashPassword(user, password) };
    }

    /// <summary>Creates the account at once (registration not verified, or verified by an invitation); null when the address is already registered.</summary>
    public async Task<User?> RegisterAsync(string email, string password, Language language)
    {
        var user = NewUser(email, password, language);
        if (!await users.CreateAsync(user))
        {
            logger.LogInformation("Registration refused: address already registered");
            return null;
        }

        logger.LogInformation("User {UserId} registered", user.Id);
        return user;
    }

    public async Task<(LoginOutcome Outcome, User? User, DateTimeOffset? RetryAt)> LoginAsync(string email, string password, string? ip = null)
    {
        // The attempt is counted before the password is checked, so parallel guesses cannot pass the limit.
        var reservation = await attempts.ReserveAsync(email, LoginAttemptStore.Source(ip), clock.GetUtcNow());
        if (!reservation.Allowed)
        {
            logger.LogWarning("Login not tried: too many failures for this address or source; retry at {RetryAt}", reservation.RetryAt);
            return (LoginOutcome.Throttled, null, reservation.RetryAt);
        }

        var user = await users.FindByEmailAsync(email);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash, password ?? string.Empty);
        var ok = user is not null && result != PasswordVerificationResult.Failed;
        if (!ok)
        {
            logger.LogWarning("Login failed for {Known} address", user is null ? "an unknown" : "a known");
            return (LoginOutcome.WrongCredentials, null, null);
        }

        await attempts.MarkSucceededAsync(reservation.AttemptId!.Value);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.UpdatePasswordHashAsync(user!.Id, Hasher.HashPassword(user, password!));
        }

        logger.LogInformation("User {UserId} logged in", user!.Id);
        return (LoginOutcome.Success, user, null);
    }

    /// <summary>Checks the password of a signed-in user (for changing it); no attempt is recorded.</summary>
    public async Task<User?> VerifyAsync(Guid userId, string password)
    {
        var user = await users.FindByIdAsync(userId);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    public static string HashPassword(User? user, string password) => Hasher.HashPassword(user!, password);

    /// <summary>Sets a new password and a new security stamp: every session of the user ends. Returns the user as stored now.</summary>
    public async Task<User> ChangePasswordAsync(User user, string newPassword)
    {
        var stamp = await users.RotateSecurityStampAsync(user.Id, Hasher.HashPassword(user, newPassword));
        logger.LogInformation("User {UserId} changed the password; all sessions ended", user.Id);
        return user with { SecurityStamp = stamp };
    }

    public static async Task SignInAsync(HttpContext context, User user)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(SessionValidation.StampClaim, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}
