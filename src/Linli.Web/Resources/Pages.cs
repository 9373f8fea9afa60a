namespace Linli.Web.Resources;

/// <summary>Marker for Pages.resx: every zh-CN string of the pages (console, H5, dashboard, administration).</summary>
public sealed class Pages;
