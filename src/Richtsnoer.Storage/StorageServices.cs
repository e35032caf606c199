using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Richtsnoer.Storage.DataProtection;
using Richtsnoer.Storage.Email;
using Richtsnoer.Storage.Logins;
using Richtsnoer.Storage.Migrations;
using Richtsnoer.Storage.Organisations;
using Richtsnoer.Storage.Protocols;
using Richtsnoer.Storage.Users;

namespace Richtsnoer.Storage;

public static class StorageServices
{
    /// <summary>The database, its migrations, the stores, and the data-protection key ring in the database.</summary>
    public static IServiceCollection AddRichtsnoerStorage(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(new Database(options));
        services.AddSingleton<Migrator>();
        services.AddSingleton<AnswersCodec>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<OrganisationStore>();
        services.AddSingleton<ProtocolStore>();
        services.AddSingleton<LoginAttemptStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<PasswordResetStore>();
        services.AddSingleton<RegistrationStore>();
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<Adoption.AuditStore>();
        services.AddSingleton<Adoption.VersionStore>();
        services.AddSingleton<Adoption.EvidenceVerifier>();
        services.AddSingleton<Staff.StaffStore>();
        services.AddSingleton<Rollout.StaffSessionStore>();
        services.AddSingleton<Rollout.RolloutStore>();
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseXmlRepository>()));
        return services;
    }
}
