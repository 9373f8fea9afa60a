namespace Linli.Domain.Common;

/// <summary>What kind of failure an <see cref="Error"/> is; the web layer maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,
}

/// <summary>
/// A failure as a value: a stable machine code (e.g. <c>WorkOrder.InvalidTransition</c>) and its kind.
/// The human text is looked up from resources by code, so the domain never carries display strings.
/// </summary>
public sealed record Error(string Code, ErrorKind Kind, IReadOnlyDictionary<string, object?>? Details = null)
{
    public static Error Validation(string code, IReadOnlyDictionary<string, object?>? details = null) => new(code, ErrorKind.Validation, details);
    public static Error NotFound(string code) => new(code, ErrorKind.NotFound);
    public static Error Conflict(string code, IReadOnlyDictionary<string, object?>? details = null) => new(code, ErrorKind.Conflict, details);
    public static Error Forbidden(string code) => new(code, ErrorKind.Forbidden);
    public static Error Unprocessable(string code, IReadOnlyDictionary<string, object?>? details = null) => new(code, ErrorKind.Unprocessable, details);
}
