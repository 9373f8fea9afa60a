using Linli.Domain.Common;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Intake;

public sealed record AttachmentUploaded(Guid Id, string FileName, string ContentType, long Size, string Url);

/// <summary>Photos are uploaded first (multipart field <c>file</c>), then named by id when submitting or completing an order.</summary>
public sealed class UploadAttachmentHandler(LinliDbContext db, AttachmentStorage storage, TimeProvider clock)
{
    public async Task<Result<AttachmentUploaded>> HandleAsync(IFormFile? file, Caller caller, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return Error.Validation("Attachment.Empty");
        }
        if (file.Length > storage.MaxBytes)
        {
            return Error.Validation("Attachment.TooLarge", new Dictionary<string, object?> { ["maxBytes"] = storage.MaxBytes });
        }
        var at = clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        await using var stream = file.OpenReadStream();
        var saved = await storage.SaveAsync(id, at, stream, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }
        var name = Path.GetFileName(file.FileName);
        name = string.IsNullOrWhiteSpace(name) ? "photo" : name.Length > 100 ? name[^100..] : name;
        var attachment = Attachment.Create(id, name, saved.Value.ContentType, saved.Value.Size, saved.Value.Path, caller.UserId, caller.ApiKeyId, at);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return new AttachmentUploaded(id, name, attachment.ContentType, attachment.Size, $"/api/v1/attachments/{id}");
    }

    /// <summary>The bytes of a photo, for its uploader or anyone who may see its order.</summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (attachment is null)
        {
            return null;
        }
        var visible = attachment.IsOwnedBy(caller.UserId, caller.ApiKeyId)
            || (attachment.WorkOrderId is { } orderId && await db.WorkOrders.VisibleTo(caller).AnyAsync(o => o.Id == orderId, ct));
        return visible ? (attachment, storage.OpenRead(attachment.StoragePath)) : null;
    }
}

/// <summary>Binds uploaded photos to an order; a photo belongs to whoever uploaded it and to one order only.</summary>
public sealed class AttachmentLinker(LinliDbContext db)
{
    public const int MaxPerOrder = 9;

    public async Task<Result<Done>> LinkAsync(IReadOnlyList<Guid>? ids, Guid workOrderId, AttachmentPurpose purpose, Caller caller, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
        {
            return default(Done);
        }
        if (ids.Count > MaxPerOrder)
        {
            return Error.Validation("Attachment.TooMany", new Dictionary<string, object?> { ["max"] = MaxPerOrder });
        }
        var distinct = ids.Distinct().ToList();
        var found = await db.Attachments.Where(a => distinct.Contains(a.Id)).ToListAsync(ct);
        if (found.Count != distinct.Count)
        {
            return Error.Validation("Attachment.NotFound");
        }
        foreach (var attachment in found)
        {
            if (!attachment.IsOwnedBy(caller.UserId, caller.ApiKeyId))
            {
                return Error.Forbidden("Attachment.NotYours");
            }
            if (attachment.WorkOrderId is { } linked && linked != workOrderId)
            {
                return Error.Conflict("Attachment.AlreadyUsed");
            }
            attachment.AttachTo(workOrderId, purpose);
        }
        return default(Done);
    }
}
