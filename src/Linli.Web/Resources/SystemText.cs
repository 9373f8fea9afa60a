using System.Globalization;
using System.Resources;

namespace Linli.Web.Resources;

/// <summary>
/// SystemText.resx: what the system itself writes into records people read later (its actors' names, history comments,
/// the reasons of a merge, a dispatch, a classification or a training run). Such text is stored once, in the site's
/// language (zh-CN), whatever the language of the request that caused it; pages show it as stored.
/// </summary>
public static class SystemText
{
    private static readonly ResourceManager Resources = new(typeof(SystemText).FullName!, typeof(SystemText).Assembly);

    /// <summary>The language records are written in.</summary>
    public static CultureInfo SiteCulture { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public static string Get(string name) =>
        Resources.GetString(name, SiteCulture) ?? throw new InvalidOperationException($"SystemText.resx has no '{name}'.");

    /// <summary>The text with its placeholders filled in (numbers formatted invariantly, as the text's format says).</summary>
    public static string Format(string name, params object?[] args) => string.Format(CultureInfo.InvariantCulture, Get(name), args);
}
