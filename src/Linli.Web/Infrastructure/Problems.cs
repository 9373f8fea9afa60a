using System.Diagnostics;
using Linli.Domain.Common;
using Linli.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Infrastructure;

/// <summary>
/// The one mapper from coded errors to ProblemDetails: status by kind, a zh-CN title from resources, and
/// <c>code</c> plus <c>traceId</c> as extensions so clients and support staff can key on them.
/// </summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult ToProblem(this Error error, HttpContext context) =>
        TypedResults.Problem(Create(context, StatusOf(error.Kind), error.Code, error.Details));

    public static ProblemDetails Create(HttpContext context, int status, string code, IReadOnlyDictionary<string, object?>? details = null)
    {
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<ErrorMessages>>();
        var title = localizer[code];
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title.ResourceNotFound ? localizer["Request.Failed"] : title.Value,
            Type = $"https://linli.dev/errors/{code}",
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        if (details is not null)
        {
            foreach (var (key, value) in details)
            {
                problem.Extensions[key] = value;
            }
        }
        return problem;
    }

    /// <summary>Turns a result into 200 with the value, or into the error's ProblemDetails.</summary>
    public static IResult ToHttp<T>(this Result<T> result, HttpContext context) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem(context);
}
