using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Richtsnoer.Web.Infrastructure;

/// <summary>
/// <c>Richtsnoer:DataProtection:CertificateFile</c> (a PKCS#12 .pfx with its private key) and
/// <c>CertificatePassword</c>: the key ring in the database is then encrypted with that
/// certificate, so a copy of the database alone cannot forge login cookies. Every instance needs
/// the same certificate. Without one the keys are stored as plain XML (and ASP.NET Core logs a
/// warning): whoever can read the database can then forge cookies.
/// </summary>
public static class DataProtectionKeys
{
    public static IDataProtectionBuilder ProtectKeysWhenConfigured(this IDataProtectionBuilder builder, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Richtsnoer:DataProtection");
        var file = section["CertificateFile"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return builder;
        }

        var path = Path.GetFullPath(file, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Richtsnoer:DataProtection:CertificateFile '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Richtsnoer:DataProtection:CertificateFile '{path}' holds no private key.");
        }

        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
