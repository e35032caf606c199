using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Richtsnoer.Core;
using Richtsnoer.Core.Answers;
using Richtsnoer.Storage.Logins;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Web.Features.Account;

public enum LoginOutcome
{
    Success,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// Registration and login: passwords hashed with ASP.NET Core Identity's PasswordHasher; after
/// <see cref="MaxFailures"/> failed attempts in a row an address is locked for
/// <see cref="LockoutMinutes"/> minutes. The attempts live in the database, so the lockout holds
/// across instances.
/// </summary>
public sealed partial class AccountService(UserStore users, LoginAttemptStore attempts, TimeProvider clock, ILogger<AccountService> logger)
{
    public const int MaxFailures = 5;
    public const int LockoutMinutes = 15;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;

    private static readonly PasswordHasher<User> Hasher = new();

    // Verified against for unknown addresses, so a wrong address takes as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "richtsnoer-dummy-password");

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    public static LocalText? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new("Vul uw e-mailadres in.", "Enter your e-mail address.");
        }

        if (email.Trim().Length > 254 || AnswerConverter.CheckText(email.Trim(), 254) is not null || !EmailPattern().IsMatch(email.Trim()))
        {
            return new("Dit is geen geldig e-mailadres. Schrijf het zoals naam@voorbeeld.nl.", "This is not a valid e-mail address. Write it like name@example.com.");
        }

        return null;
    }

    public static LocalText? CheckNewPassword(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return new($"Kies een wachtwoord van minstens {MinPasswordLength} tekens.", $"Choose a password of at least {MinPasswordLength} characters.");
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

    /// <summary>Creates the account; null when the address is already registered.</summary>
    public async Task<User?> RegisterAsync(string email, string password, Language language)
    {
        var user = new User
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            PasswordHash = string.Empty,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            Language = language.Code(),
            CreatedAt = clock.GetUtcNow(),
        };
        user = user with { PasswordHash = Hasher.HashPassword(user, password) };
        if (!await users.CreateAsync(user))
        {
            logger.LogInformation("Registration refused: address already registered");
            return null;
        }

        logger.LogInformation("User {UserId} registered", user.Id);
        return user;
    }

    public async Task<(LoginOutcome Outcome, User? User)> LoginAsync(string email, string password)
    {
        if (await LockedUntilAsync(email) is not null)
        {
            logger.LogWarning("Login refused: address is locked out");
            return (LoginOutcome.LockedOut, null);
        }

        var user = await users.FindByEmailAsync(email);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DummyHash, password ?? string.Empty);
        var ok = user is not null && result != PasswordVerificationResult.Failed;
        await attempts.RecordAsync(email, ok, clock.GetUtcNow());
        if (!ok)
        {
            logger.LogWarning("Login failed for {Known} address", user is null ? "an unknown" : "a known");
            return (await LockedUntilAsync(email) is not null ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials, null);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.UpdatePasswordHashAsync(user!.Id, Hasher.HashPassword(user, password!));
        }

        logger.LogInformation("User {UserId} logged in", user!.Id);
        return (LoginOutcome.Success, user);
    }

    /// <summary>When the last <see cref="MaxFailures"/> attempts all failed within the lockout window: until when the address is locked.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(string email)
    {
        var recent = await attempts.RecentAsync(email, MaxFailures);
        if (recent.Count < MaxFailures || recent.Any(a => a.Succeeded))
        {
            return null;
        }

        var until = recent[0].At.AddMinutes(LockoutMinutes);
        return until > clock.GetUtcNow() ? until : null;
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
