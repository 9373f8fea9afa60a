namespace Linli.Web.Features.Intake;

/// <summary>
/// Remembers which order an <c>Idempotency-Key</c> created, per caller, with a hash of the request body:
/// a retry with the same body gets the same order; the same key with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Scope = null!;
        Key = null!;
        RequestHash = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Whose key it is: "user:{id}" or "key:{id}", so two callers never collide.</summary>
    public string Scope { get; private set; }

    public string Key { get; private set; }
    public string RequestHash { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static IdempotencyRecord Create(string scope, string key, string requestHash, Guid workOrderId, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        Scope = scope,
        Key = key,
        RequestHash = requestHash,
        WorkOrderId = workOrderId,
        CreatedAt = at,
    };
}
