using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders;

/// <summary>Query string of the list: every filter optional; <c>status</c> and <c>channel</c> take comma-separated names.</summary>
public sealed record ListWorkOrdersQuery(
    string? Status,
    Guid? UnitId,
    Guid? CategoryId,
    string? Channel,
    DateTime? From,
    DateTime? To,
    string? Q,
    string? Sort,
    int? Page,
    int? PageSize);

public sealed record WorkOrderSummary(
    Guid Id,
    string Number,
    WorkOrderStatus Status,
    Channel Channel,
    string? Title,
    string Description,
    Guid? CategoryId,
    Urgency Urgency,
    Guid? UnitId,
    string? UnitName,
    Guid? ParentId,
    string? ReporterName,
    string? ReporterPhone,
    string? AddressText,
    DateTime ReceivedAt,
    DateTime? RespondBy,
    DateTime? CompleteBy);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The work-order list: scoped to the caller, filtered, sorted and paged. Personal data is always masked here.</summary>
public sealed class ListWorkOrdersHandler(LinliDbContext db, UnitTree units)
{
    public const int MaxPageSize = 200;
    public static readonly Error InvalidFilter = Error.Validation("WorkOrder.InvalidFilter");

    public async Task<Result<PagedList<WorkOrderSummary>>> HandleAsync(ListWorkOrdersQuery query, Caller caller, CancellationToken ct)
    {
        if (!TryParseList<WorkOrderStatus>(query.Status, out var statuses) || !TryParseList<Channel>(query.Channel, out var channels)
            || query.Page is < 1 || query.PageSize is < 1 or > MaxPageSize || query.Q?.Length > 100 || (query.From > query.To))
        {
            return InvalidFilter;
        }
        var orders = db.WorkOrders.AsNoTracking().VisibleTo(caller);
        if (statuses.Count > 0)
        {
            orders = orders.Where(o => statuses.Contains(o.Status));
        }
        if (channels.Count > 0)
        {
            orders = orders.Where(o => channels.Contains(o.Channel));
        }
        if (query.UnitId is { } unitId)
        {
            orders = orders.Where(o => o.UnitId == unitId);
        }
        if (query.CategoryId is { } categoryId)
        {
            orders = orders.Where(o => o.CategoryId == categoryId);
        }
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            orders = orders.Where(o => o.ReceivedAt >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            orders = orders.Where(o => o.ReceivedAt < toUtc);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            orders = orders.Where(o => o.Number.Contains(q) || o.Description.Contains(q) || (o.Title != null && o.Title.Contains(q)));
        }
        orders = (query.Sort ?? "-receivedAt") switch
        {
            "receivedAt" => orders.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id),
            "-receivedAt" => orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
            "respondBy" => orders.OrderBy(o => o.RespondBy == null).ThenBy(o => o.RespondBy).ThenBy(o => o.Id),
            "completeBy" => orders.OrderBy(o => o.CompleteBy == null).ThenBy(o => o.CompleteBy).ThenBy(o => o.Id),
            "number" => orders.OrderBy(o => o.Number),
            "-number" => orders.OrderByDescending(o => o.Number),
            "urgency" => orders.OrderByDescending(o => o.Urgency == Urgency.Emergency).ThenByDescending(o => o.Urgency == Urgency.High)
                .ThenByDescending(o => o.ReceivedAt),
            _ => null!,
        };
        if (orders is null)
        {
            return InvalidFilter;
        }

        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 20;
        var total = await orders.CountAsync(ct);
        var rows = await orders.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id,
                o.Number,
                o.Status,
                o.Channel,
                o.Title,
                o.Description,
                o.CategoryId,
                o.Urgency,
                o.UnitId,
                o.ParentId,
                o.ReporterName,
                o.ReporterPhoneMasked,
                o.AddressText,
                o.ReceivedAt,
                o.RespondBy,
                o.CompleteBy,
            })
            .ToListAsync(ct);
        var tree = await units.GetAsync(ct);
        var items = rows.Select(o => new WorkOrderSummary(o.Id, o.Number, o.Status, o.Channel, o.Title,
                o.Description.Length > 120 ? o.Description[..120] + "…" : o.Description,
                o.CategoryId, o.Urgency, o.UnitId, o.UnitId is { } u ? tree.Find(u)?.Name : null, o.ParentId,
                PersonalData.MaskName(o.ReporterName), o.ReporterPhoneMasked, o.AddressText, o.ReceivedAt, o.RespondBy, o.CompleteBy))
            .ToList();
        return new PagedList<WorkOrderSummary>(items, page, pageSize, total);
    }

    private static bool TryParseList<T>(string? text, out List<T> values) where T : struct, Enum
    {
        values = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<T>(part, ignoreCase: true, out var value) || !Enum.IsDefined(value) || int.TryParse(part, out _))
            {
                return false;
            }
            values.Add(value);
        }
        return true;
    }
}
