using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Categories;
using Linli.Web.Features.Grids;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Units;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.WorkOrders;

public sealed record ReporterDetails(string? Name, string? Phone, bool IsMasked);

public sealed record LocationDetails(Guid? BuildingId, string? BuildingName, string? AddressText, double? Latitude, double? Longitude, Guid? AreaUnitId, string? AreaUnitName);

public sealed record EvaluationDetails(bool Resolved, Satisfaction Satisfaction, string? Comment, DateTime? At);

public sealed record ExtensionDetails(DateTime RequestedUntil, string? Reason);

public sealed record AttachmentDetails(Guid Id, string FileName, string ContentType, long Size, AttachmentPurpose Purpose, string Url);

public sealed record HistoryEntryDetails(int Sequence, WorkOrderTrigger Trigger, WorkOrderStatus? From, WorkOrderStatus To, DateTime At,
    string Actor, string ActorRole, string? Comment, Guid? UnitId, string? UnitName);

public sealed record WorkOrderDetails(
    Guid Id,
    string Number,
    WorkOrderStatus Status,
    Channel Channel,
    string? Title,
    string Description,
    Guid? CategoryId,
    string? CategoryName,
    Urgency Urgency,
    Guid? UnitId,
    string? UnitName,
    Guid? ParentId,
    int EscalationLevel,
    ReporterDetails Reporter,
    LocationDetails Location,
    string? ExternalReference,
    DateTime ReceivedAt,
    DateTime? DispatchedAt,
    DateTime? AcceptedAt,
    DateTime? CompletedAt,
    DateTime? EvaluatedAt,
    DateTime? ClosedAt,
    DateTime? RespondBy,
    DateTime? CompleteBy,
    string? Result,
    EvaluationDetails? Evaluation,
    ExtensionDetails? PendingExtension,
    IReadOnlyList<AttachmentDetails> Attachments,
    IReadOnlyList<HistoryEntryDetails> History,
    IReadOnlyList<Guid> MergedChildIds,
    IReadOnlyList<WorkOrderTrigger> AllowedActions,
    int Version,
    LocatedDetails? Located,
    ParentDetails? Parent);

/// <summary>For a merged order: the order it follows, so its reporter sees that order's progress and result.</summary>
public sealed record ParentDetails(Guid Id, string Number, WorkOrderStatus Status, string? Result, DateTime? CompletedAt, DateTime? ClosedAt);

/// <summary>What the intake knows of an order it has just stored, so that its answer needs no reading back.</summary>
public sealed record NewOrderFacts(Place Place, ParentDetails? Parent, bool HasAttachments);

/// <summary>Reads one order as the caller may see it: full history, attachments, and the actions open to them.</summary>
public sealed class GetWorkOrderHandler(LinliDbContext db, UnitTree units, PersonalData personalData, CategoryCatalog categories, GridMap map)
{
    public async Task<WorkOrderDetails?> HandleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var order = await db.WorkOrders.AsNoTracking().Include(o => o.History).VisibleTo(caller).FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? null : await ProjectAsync(order, caller, ct);
    }

    public async Task<WorkOrderDetails> ProjectAsync(WorkOrder order, Caller caller, CancellationToken ct)
    {
        var attachments = await AttachmentsAsync(order.Id, ct);
        var children = await db.WorkOrders.AsNoTracking().Where(o => o.ParentId == order.Id).OrderBy(o => o.ReceivedAt).Select(o => o.Id).ToListAsync(ct);
        var parent = order.ParentId is { } parentId
            ? await db.WorkOrders.AsNoTracking().Where(o => o.Id == parentId)
                .Select(o => new ParentDetails(o.Id, o.Number, o.Status, o.Result, o.CompletedAt, o.ClosedAt)).FirstOrDefaultAsync(ct)
            : null;
        var location = await db.WorkOrderLocations.AsNoTracking().FirstOrDefaultAsync(l => l.WorkOrderId == order.Id, ct);
        return await ProjectAsync(order, caller, attachments, children, location is null ? null : await LocatedAsync(location, ct), parent, ct);
    }

    /// <summary>
    /// The answer to an intake, from memory: a new order has no merged children, its place was just located and its
    /// parent (if merged) just found; only photos linked to it are read.
    /// </summary>
    public async Task<WorkOrderDetails> ProjectNewAsync(WorkOrder order, Caller caller, NewOrderFacts facts, CancellationToken ct)
    {
        var attachments = facts.HasAttachments ? await AttachmentsAsync(order.Id, ct) : [];
        var located = await LocatedAsync(WorkOrderLocation.For(order.Id, facts.Place, order.ReceivedAt), ct);
        return await ProjectAsync(order, caller, attachments, [], located, facts.Parent, ct);
    }

    private Task<List<AttachmentDetails>> AttachmentsAsync(Guid orderId, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.WorkOrderId == orderId).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentDetails(a.Id, a.FileName, a.ContentType, a.Size, a.Purpose, "/api/v1/attachments/" + a.Id))
            .ToListAsync(ct);

    /// <summary>How the order's place was found, with the grid's code and name from the map.</summary>
    private async Task<LocatedDetails> LocatedAsync(WorkOrderLocation location, CancellationToken ct)
    {
        var grid = location.GridId is { } gridId ? (await map.GetAsync(ct)).Find(gridId) : null;
        return new LocatedDetails(location.LocatedBy, location.Confidence, location.GridId, grid?.Code, grid?.Name, location.BuildingId,
            location.NormalizedAddress);
    }

    private async Task<WorkOrderDetails> ProjectAsync(WorkOrder order, Caller caller, IReadOnlyList<AttachmentDetails> attachments,
        IReadOnlyList<Guid> children, LocatedDetails? located, ParentDetails? parent, CancellationToken ct)
    {
        var tree = await units.GetAsync(ct);
        var category = order.CategoryId is { } categoryId ? (await categories.FindAsync(categoryId, ct))?.Name : null;
        var building = order.BuildingId is { } buildingId ? await BuildingLabelAsync(buildingId, ct) : null;
        var fullContact = caller.MaySeeReporterContact(order);
        var phone = fullContact ? personalData.Unprotect(order.ReporterPhoneProtected) ?? order.ReporterPhoneMasked : order.ReporterPhoneMasked;
        return new WorkOrderDetails(
            order.Id, order.Number, order.Status, order.Channel, order.Title, order.Description,
            order.CategoryId, category, order.Urgency, order.UnitId, NameOf(tree, order.UnitId), order.ParentId, order.EscalationLevel,
            new ReporterDetails(caller.IsResident || caller.IsStaff || caller.IsAdmin ? order.ReporterName : PersonalData.MaskName(order.ReporterName), phone, !fullContact),
            new LocationDetails(order.BuildingId, building, order.AddressText, order.Latitude, order.Longitude, order.AreaUnitId, NameOf(tree, order.AreaUnitId)),
            order.ExternalReference,
            order.ReceivedAt, order.DispatchedAt, order.AcceptedAt, order.CompletedAt, order.EvaluatedAt, order.ClosedAt,
            order.RespondBy, order.CompleteBy, order.Result,
            order.Resolved is { } resolved && order.Satisfaction is { } satisfaction
                ? new EvaluationDetails(resolved, satisfaction, order.EvaluationComment, order.EvaluatedAt)
                : null,
            order.ExtensionRequestedUntil is { } until ? new ExtensionDetails(until, order.ExtensionReason) : null,
            attachments,
            [.. order.History.OrderBy(h => h.Sequence).Select(h => new HistoryEntryDetails(h.Sequence, h.Trigger, h.From, h.To, h.At,
                h.ActorName, h.ActorRole, h.Comment, h.UnitId, NameOf(tree, h.UnitId)))],
            children,
            WorkOrderPermissions.AllowedFor(caller, order),
            order.Version,
            located,
            parent);
    }

    /// <summary>"阳光花园3号楼": from the map in memory; a retired building (not on the map) from the table.</summary>
    private async Task<string?> BuildingLabelAsync(Guid buildingId, CancellationToken ct) =>
        (await map.GetAsync(ct)).Building(buildingId) is { } known
            ? BuildingName.Of(known.Compound, known.Number)
            : await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId).Select(b => new { b.Compound, b.Number }).FirstOrDefaultAsync(ct) is { } stored
                ? BuildingName.Of(stored.Compound, stored.Number)
                : null;

    private static string? NameOf(UnitTree.Snapshot tree, Guid? unitId) => unitId is { } id ? tree.Find(id)?.Name : null;
}
