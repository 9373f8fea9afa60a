namespace Linli.Web.Resources;

/// <summary>Marker for ErrorMessages.resx: the zh-CN title of every error code (English in ErrorMessages.en.resx).</summary>
public sealed class ErrorMessages;
