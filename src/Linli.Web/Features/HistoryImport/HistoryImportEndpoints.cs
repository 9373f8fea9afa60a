using System.Text;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.HistoryImport;

/// <summary><c>POST /api/v1/admin/history/import</c>: an administrator imports past requests from a CSV export.</summary>
public static class HistoryImportEndpoints
{
    public const string Route = "/admin/history/import";

    /// <summary>The full path, for the host's body-size limit (<see cref="ErrorHandling"/>).</summary>
    public const string Path = "/api/v1" + Route;

    /// <summary>History exports are megabytes (the public ones about 5 MB), far above the 64 KB of JSON bodies.</summary>
    public const long MaxBodyBytes = 20L * 1024 * 1024;

    public static IEndpointRouteBuilder MapHistoryImport(this IEndpointRouteBuilder api)
    {
        api.MapPost(Route, async (Guid? area, HttpContext context, ImportHistoryHandler handler, CallerFactory callers, CancellationToken ct) =>
        {
            // Read the body asynchronously first: the CSV parser reads synchronously, which Kestrel forbids on the request stream.
            using var body = new StreamReader(context.Request.Body, Encoding.UTF8);
            using var reader = new StringReader(await body.ReadToEndAsync(ct));
            return (await handler.HandleAsync(reader, area, await callers.GetAsync(context, ct), ct)).ToHttp(context);
        }).WithTags("HistoryImport").RequireAuthorization(AccountsSetup.Policies.Admin).Accepts<string>("text/csv");
        return api;
    }

    /// <summary>Registers the handler shared by the endpoint and the CLI's <c>history import</c>.</summary>
    public static IServiceCollection AddLinliHistoryImport(this IServiceCollection services) =>
        services.AddScoped<ImportHistoryHandler>();
}
