using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Richtsnoer.Core.Email;

namespace Richtsnoer.Email;

public static class EmailServices
{
    /// <summary>The templates, the outbox sender and its background service, configured from <c>Richtsnoer:Email</c>.</summary>
    public static IServiceCollection AddRichtsnoerEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection("Richtsnoer:Email"));
        services.AddSingleton(_ => EmailTemplates.Default);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService<OutboxSenderService>();
        return services;
    }
}
