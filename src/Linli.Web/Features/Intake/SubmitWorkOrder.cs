using System.Security.Cryptography;
using System.Text.Json;
using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Categories;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Grids;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Intake;

public sealed record ReporterInput(string? Name, string? Phone);

public sealed record LocationInput(Guid? BuildingId, string? Address, double? Latitude, double? Longitude);

/// <summary>
/// One intake for every channel. The place may be given flat (<c>buildingId</c>, <c>address</c>, <c>latitude</c>,
/// <c>longitude</c>) or as a <c>location</c> object; the object wins where both are present.
/// </summary>
public sealed record SubmitWorkOrderRequest(
    Channel? Channel,
    string? Title,
    string? Description,
    Guid? CategoryId,
    Urgency? Urgency,
    ReporterInput? Reporter,
    Guid? BuildingId,
    string? Address,
    double? Latitude,
    double? Longitude,
    LocationInput? Location,
    string? ExternalReference,
    IReadOnlyList<Guid>? AttachmentIds);

/// <summary>The order as created, and whether this answer replays an earlier identical request.</summary>
public sealed record SubmitWorkOrderResponse(WorkOrderDetails Order, bool Replayed);

/// <summary>
/// 受理: validates a request from any channel, finds who and where it is, numbers it (<see cref="OrderNumbers"/>), classifies
/// it, and hands it to the <see cref="IntakeWriter"/>, which checks it against open reports of the same incident, routes it
/// and stores it with its photos together with the other intakes of that moment (one transaction, one commit); the answer is
/// projected from memory. A retry with the same Idempotency-Key (or the same channel
/// case number) returns the first order.
/// </summary>
public sealed class SubmitWorkOrderHandler(
    LinliDbContext db,
    PersonalData personalData,
    AttachmentLinker attachments,
    GetWorkOrderHandler details,
    SiteTime siteTime,
    ClassifyOnIntake classify,
    Dashboard.IWorkOrderEvents events,
    PlaceLocator locator,
    Prevention.ThresholdEvaluator thresholds,
    CategoryCatalog categories,
    GridMap map,
    OrderNumbers numbers,
    IntakeWriter writer)
{
    public const int MaxIdempotencyKeyLength = 100;

    private static readonly Channel[] ResidentChannels = [Channel.MiniProgram, Channel.PhotoReport];
    private static readonly Channel[] PersonChannels = [Channel.Hotline12345, Channel.Hotline400, Channel.Reception, Channel.PropertyButler];

    public static readonly Error KeyReused = Error.Conflict("Idempotency.KeyReused");
    public static readonly Error KeyInvalid = Error.Validation("Idempotency.KeyInvalid");
    public static readonly Error ReporterRequired = Error.Validation("WorkOrder.ReporterRequired");
    public static readonly Error InvalidPhone = Error.Validation("WorkOrder.InvalidPhone");
    public static readonly Error ChannelNotAllowed = Error.Forbidden("WorkOrder.ChannelNotAllowed");
    public static readonly Error UnknownBuilding = Error.Validation("WorkOrder.UnknownBuilding");
    public static readonly Error UnknownCategory = Error.Validation("WorkOrder.UnknownCategory");

    public Task<Result<SubmitWorkOrderResponse>> HandleAsync(SubmitWorkOrderRequest request, string? idempotencyKey, Caller caller, CancellationToken ct) =>
        HandleAsync(request, idempotencyKey, caller, alone: false, ct);

    /// <summary>
    /// <paramref name="alone"/>: written in a transaction of its own instead of in the intake writer's next batch (the second
    /// try of an intake whose batch failed).
    /// </summary>
    private async Task<Result<SubmitWorkOrderResponse>> HandleAsync(SubmitWorkOrderRequest request, string? idempotencyKey, Caller caller, bool alone, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c is < '!' or > '~')))
        {
            return KeyInvalid;
        }
        var channel = ChannelOf(request, caller);
        if (channel is null)
        {
            return ChannelNotAllowed;
        }
        // The request's fingerprint, kept with its Idempotency-Key so that the key reused for another request is refused.
        var hash = idempotencyKey is null ? "" : Hash(request, channel.Value);
        // Alone, a retry is answered before any work; in a batch, the writer checks the whole batch for retries at once.
        if (alone && await ReplayAsync(idempotencyKey, hash, channel.Value, request.ExternalReference, caller, ct) is { } replay)
        {
            return replay;
        }

        var reporter = await ReporterOfAsync(request, channel.Value, caller, ct);
        if (!reporter.IsSuccess)
        {
            return reporter.Error!;
        }
        var location = await LocationOfAsync(request, caller, reporter.Value.BuildingId, ct);
        if (!location.IsSuccess)
        {
            return location.Error!;
        }
        if (request.CategoryId is { } categoryId && !await categories.IsActiveAsync(categoryId, ct))
        {
            return UnknownCategory;
        }

        var now = siteTime.UtcNow;
        var draft = new NewWorkOrder("", channel.Value, request.Title, request.Description ?? "",
            request.CategoryId, request.Urgency ?? DefaultUrgency(channel.Value), reporter.Value.Reporter, location.Value.Location,
            string.IsNullOrWhiteSpace(request.ExternalReference) ? null : request.ExternalReference.Trim());
        if (WorkOrder.Check(draft) is { } invalid)
        {
            return invalid;
        }
        var received = WorkOrder.Receive(draft with { Number = await numbers.NextAsync(now, ct) }, caller.AsActor(), now);
        if (!received.IsSuccess)
        {
            return received.Error!;
        }
        var order = received.Value;
        try
        {
            // The new rows go to the intake writer as they are; only linked photos are read and changed through this context.
            db.ChangeTracker.Clear();
            List<object> rows = [order, WorkOrderLocation.For(order.Id, location.Value.Place, now)];
            var linked = await attachments.LinkAsync(request.AttachmentIds, order.Id, AttachmentPurpose.Report, caller, ct);
            if (!linked.IsSuccess)
            {
                return linked.Error!;
            }

            // 智能分类 (M-4): a confident suggestion sets the category; otherwise the order waits in triage with it.
            rows.Add(await classify.ApplyAsync(order, now, ct));
            if (idempotencyKey is not null)
            {
                rows.Add(IdempotencyRecord.Create(caller.IdentityScope, idempotencyKey, hash, order.Id, now));
            }

            // The duplicate check, routing and the write happen in the intake writer's next batch (one transaction, one
            // commit for every intake waiting then), or alone in a batch of one; the answer waits for that commit.
            var place = location.Value.Place;
            var unit = new IntakeUnit(order, place, PlaceKey(place), now, idempotencyKey is null ? null : caller.IdentityScope, idempotencyKey, rows, db);
            IntakeWritten written;
            if (alone)
            {
                written = await writer.WriteAloneAsync(unit, ct);
            }
            else
            {
                try
                {
                    written = await writer.WriteAsync(unit);
                }
                catch (IntakeBatchFailedException)
                {
                    // A batch whose commit reached the database but whose answer was lost (a dropped connection) is
                    // stored after all: then this order is, under its own id, and is answered as taken. Otherwise the
                    // intake runs again alone.
                    if (await StoredAfterAllAsync(order, caller, ct) is { } stored)
                    {
                        await AfterWriteAsync(order, ct);
                        return stored;
                    }
                    return await HandleAsync(request, idempotencyKey, caller, alone: true, ct);
                }
            }
            if (written.Repeat)
            {
                // A retry: answered with the stored order (in a batch, when that one was not stored after all: written alone).
                return await ReplayAsync(idempotencyKey, hash, channel.Value, request.ExternalReference, caller, ct)
                    ?? (alone ? throw new InvalidOperationException("A stored request was not found again.")
                        : await HandleAsync(request, idempotencyKey, caller, alone: true, ct));
            }
            var duplicate = written.Duplicate;
            await AfterWriteAsync(order, ct);
            var parent = order.ParentId is not null && duplicate is not null
                ? new ParentDetails(duplicate.Parent.Id, duplicate.Parent.Number, duplicate.Parent.Status, null, null, null)
                : null;
            var facts = new NewOrderFacts(location.Value.Place, parent, request.AttachmentIds is { Count: > 0 });
            return new SubmitWorkOrderResponse(await details.ProjectNewAsync(order, caller, facts, ct), false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null || request.ExternalReference is not null)
        {
            // A concurrent retry won the race on the unique index: answer with its order.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(idempotencyKey, hash, channel.Value, request.ExternalReference, caller, ct) is { } raced)
            {
                return raced;
            }
            throw;
        }
    }

    /// <summary>What follows a stored intake: the live event, and the thresholds (预警阈值, Features/Prevention: logs its failures, never fails the intake).</summary>
    private async Task AfterWriteAsync(WorkOrder order, CancellationToken ct)
    {
        await events.PublishAsync(order.Id, ct);
        await thresholds.AfterIntakeAsync(order, ct);
    }

    private async Task<SubmitWorkOrderResponse?> StoredAfterAllAsync(WorkOrder order, Caller caller, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var stored = await db.WorkOrders.AsNoTracking().Include(o => o.History).FirstOrDefaultAsync(o => o.Id == order.Id, ct);
        return stored is null ? null : new SubmitWorkOrderResponse(await details.ProjectAsync(stored, caller, ct), false);
    }

    private async Task<Result<SubmitWorkOrderResponse>?> ReplayAsync(string? key, string hash, Channel channel, string? externalReference, Caller caller, CancellationToken ct)
    {
        Guid? existingId = null;
        if (key is not null)
        {
            var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == caller.IdentityScope && r.Key == key, ct);
            if (record is not null)
            {
                if (record.RequestHash != hash)
                {
                    return KeyReused;
                }
                existingId = record.WorkOrderId;
            }
        }
        if (existingId is null && !string.IsNullOrWhiteSpace(externalReference))
        {
            var reference = externalReference.Trim();
            existingId = await db.WorkOrders.Where(o => o.Channel == channel && o.ExternalReference == reference)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        }
        if (existingId is null)
        {
            return null;
        }
        var order = await db.WorkOrders.AsNoTracking().Include(o => o.History).FirstAsync(o => o.Id == existingId, ct);
        return new SubmitWorkOrderResponse(await details.ProjectAsync(order, caller, ct), true);
    }

    private static Channel? ChannelOf(SubmitWorkOrderRequest request, Caller caller)
    {
        if (caller.IsChannel)
        {
            return request.Channel is null || request.Channel == caller.ApiKeyChannel ? caller.ApiKeyChannel : null;
        }
        if (caller.IsStaff)
        {
            return request.Channel ?? (caller.InRole(Roles.GridMember, Roles.GridLeader) ? Channel.GridPatrol
                : caller.InRole(Roles.PropertyStaff) ? Channel.PropertyButler
                : Channel.Reception);
        }
        var channel = request.Channel ?? Channel.MiniProgram;
        return ResidentChannels.Contains(channel) ? channel : null;
    }

    private static Urgency DefaultUrgency(Channel channel) => channel switch
    {
        Channel.Alarm => Urgency.Emergency,
        Channel.CameraAlert or Channel.SensorAlert => Urgency.High,
        Channel.Hotline12345 or Channel.PhotoReport or Channel.GridPatrol or Channel.PropertyButler or Channel.Hotline400
            or Channel.MiniProgram or Channel.Reception or Channel.Proactive => Urgency.Normal,
    };

    private async Task<Result<(Reporter Reporter, Guid? BuildingId)>> ReporterOfAsync(SubmitWorkOrderRequest request, Channel channel, Caller caller, CancellationToken ct)
    {
        if (caller.IsResident && caller.UserId is { } userId)
        {
            // A resident reports as themselves: name and phone come from the register, not from the body.
            var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId, ct);
            var buildingId = resident?.HouseholdId is { } householdId
                ? await db.Households.Where(h => h.Id == householdId).Select(h => (Guid?)h.BuildingId).FirstOrDefaultAsync(ct)
                : null;
            return (new Reporter(userId, resident?.Id, resident?.Name ?? caller.Name, resident?.PhoneProtected, resident?.PhoneMasked), buildingId);
        }
        var name = request.Reporter?.Name?.Trim();
        if (name?.Length > 32)
        {
            return WorkOrderErrors.TextTooLong;
        }
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Reporter?.Phone))
        {
            phone = PersonalData.NormalizePhone(request.Reporter.Phone);
            if (phone is null)
            {
                return InvalidPhone;
            }
        }
        if (PersonChannels.Contains(channel) && string.IsNullOrEmpty(name) && phone is null)
        {
            return ReporterRequired;
        }
        if (string.IsNullOrEmpty(name) && phone is null && caller.IsStaff)
        {
            // A grid member on patrol reports in their own name.
            return (new Reporter(caller.UserId, null, caller.Name, null, null), null);
        }
        return (new Reporter(null, null, string.IsNullOrEmpty(name) ? null : name,
            phone is null ? null : personalData.Protect(phone), phone is null ? null : PersonalData.MaskPhone(phone)), null);
    }

    /// <summary>
    /// Where: checks the shape of the location fields, then locates the place (Features/Grids/PlaceLocator: building →
    /// address text → map point → a registered place named in the words → the resident's own building when nothing was said
    /// → the channel's area or the street).
    /// The order's area unit is the located grid's unit.
    /// </summary>
    private async Task<Result<(Location Location, Place Place)>> LocationOfAsync(SubmitWorkOrderRequest request, Caller caller, Guid? reporterBuildingId, CancellationToken ct)
    {
        var buildingId = request.Location?.BuildingId ?? request.BuildingId;
        var address = (request.Location?.Address ?? request.Address)?.Trim();
        var latitude = request.Location?.Latitude ?? request.Latitude;
        var longitude = request.Location?.Longitude ?? request.Longitude;
        if (address?.Length > 200)
        {
            return WorkOrderErrors.TextTooLong;
        }
        if (latitude is null != longitude is null || latitude is < -90 or > 90 || longitude is < -180 or > 180
            || (latitude is { } lat && !double.IsFinite(lat)) || (longitude is { } lon && !double.IsFinite(lon)))
        {
            return WorkOrderErrors.LocationOutOfRange;
        }
        if (address?.Length == 0)
        {
            address = null;
        }
        var place = await locator.LocateAsync(new PlaceQuery(buildingId, address, latitude, longitude, reporterBuildingId, caller.ApiKeyAreaUnitId,
            $"{request.Title} {request.Description}"), ct);
        if (place is null)
        {
            return UnknownBuilding;
        }
        if (address is null && place.BuildingId is { } located)
        {
            address = (await map.GetAsync(ct)).Building(located)?.Address
                ?? await db.Buildings.AsNoTracking().Where(b => b.Id == located).Select(b => b.Address).FirstOrDefaultAsync(ct);
        }
        return (new Location(place.BuildingId, address, latitude, longitude, place.AreaUnitId), place);
    }

    /// <summary>
    /// What reports of one incident share, for the write gate: the compound (which also covers its buildings and the calls
    /// that name only the compound), else the building, else the grid of a map point. Null: no place, no duplicate check.
    /// </summary>
    private static string? PlaceKey(Place place) =>
        place.Compound is { } compound ? "compound:" + compound
        : place.BuildingId is { } building ? "building:" + building
        : place.LocatedBy == LocatedBy.Point && place.GridId is { } grid ? "grid:" + grid
        : null;

    private static string Hash(SubmitWorkOrderRequest request, Channel channel)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(request with { Channel = channel });
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }
}
