using System.Security.Cryptography;
using System.Text;

namespace Linli.Web.Persistence.Demo;

/// <summary>Stable ids for demo rows, derived from a name, so that every demo install (and test) has the same ids.</summary>
public static class DemoIds
{
    public static Guid For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("linli-demo:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
