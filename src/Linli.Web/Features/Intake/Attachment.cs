namespace Linli.Web.Features.Intake;

public enum AttachmentPurpose
{
    /// <summary>A photo the reporter sent with the request.</summary>
    Report,
    /// <summary>A photo the handler sent with the result.</summary>
    Result,
}

/// <summary>An uploaded photo. The bytes live under the data folder; this row says whose they are and what they belong to.</summary>
public sealed class Attachment
{
    private Attachment()
    {
        FileName = null!;
        ContentType = null!;
        StoragePath = null!;
    }

    public Guid Id { get; private set; }
    public Guid? WorkOrderId { get; private set; }
    public AttachmentPurpose Purpose { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Size { get; private set; }

    /// <summary>Path relative to the attachments folder.</summary>
    public string StoragePath { get; private set; }

    public Guid? UploadedByUserId { get; private set; }
    public Guid? UploadedByKeyId { get; private set; }
    public DateTime UploadedAt { get; private set; }

    public static Attachment Create(Guid id, string fileName, string contentType, long size, string storagePath,
        Guid? userId, Guid? keyId, DateTime at) => new()
        {
            Id = id,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            StoragePath = storagePath,
            UploadedByUserId = userId,
            UploadedByKeyId = keyId,
            UploadedAt = at,
        };

    public bool IsOwnedBy(Guid? userId, Guid? keyId) =>
        (userId is not null && UploadedByUserId == userId) || (keyId is not null && UploadedByKeyId == keyId);

    public void AttachTo(Guid workOrderId, AttachmentPurpose purpose)
    {
        WorkOrderId = workOrderId;
        Purpose = purpose;
    }
}
