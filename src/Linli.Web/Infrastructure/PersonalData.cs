using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace Linli.Web.Infrastructure;

/// <summary>
/// Residents' personal data at rest: phone numbers are encrypted with the host's data-protection keys
/// (kept under the data folder) and shown masked (138****5678) to everyone who is not entitled to the whole number.
/// </summary>
public sealed partial class PersonalData(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Linli.PersonalData.v1");

    public string Protect(string plain) => _protector.Protect(plain);

    public string? Unprotect(string? cipher)
    {
        if (cipher is null)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(cipher);
        }
        catch (CryptographicException)
        {
            // Keys rotated away or data from another installation: show nothing rather than fail the page.
            return null;
        }
    }

    /// <summary>Keeps digits only and accepts mainland mobiles (11 digits) and landlines (7–12 digits, with area code).</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }
        var digits = NonDigits().Replace(phone.Normalize(NormalizationForm.FormKC), "");
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
        {
            digits = digits[2..];
        }
        return digits.Length is >= 7 and <= 12 ? digits : null;
    }

    public static string MaskPhone(string digits) => digits.Length switch
    {
        11 => $"{digits[..3]}****{digits[7..]}",
        > 4 => $"{new string('*', digits.Length - 4)}{digits[^4..]}",
        _ => "****",
    };

    /// <summary>张三丰 → 张**: the family name stays so that staff can address the person politely.</summary>
    public static string? MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? name : name.Length == 1 ? "*" : name[0] + new string('*', name.Length - 1);

    [GeneratedRegex(@"\D")]
    private static partial Regex NonDigits();
}
