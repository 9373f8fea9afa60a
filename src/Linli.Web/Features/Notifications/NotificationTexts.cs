using System.Globalization;
using System.Resources;

namespace Linli.Web.Features.Notifications;

/// <summary>
/// The zh-CN texts of notifications, SMS and system history comments (NotificationTexts.resx). They are stored as
/// written, so they are rendered in the site's language at the moment of the change, not in the reader's.
/// </summary>
public static class NotificationTexts
{
    private static readonly ResourceManager Resources = new("Linli.Web.Features.Notifications.NotificationTexts", typeof(NotificationTexts).Assembly);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Get(string key) => Resources.GetString(key, Chinese) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(Chinese, Get(key), args);
}
