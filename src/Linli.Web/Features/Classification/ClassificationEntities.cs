using Linli.Domain.WorkOrders;

namespace Linli.Web.Features.Classification;

/// <summary>
/// One trained model in the registry: its bytes (so every instance loads the same model), how it was trained and
/// measured, and whether it is the active one. Rolling back is activating an older row.
/// </summary>
public sealed class ClassifierModelRecord
{
    public Guid Id { get; set; }
    public string Version { get; set; } = "";

    /// <summary>What it predicts: <c>category</c> or <c>urgency</c>.</summary>
    public string Target { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public int TrainingSize { get; set; }
    public int HeldOutSize { get; set; }

    /// <summary>Macro-F1 of this model on the held-out slice of the site's own orders.</summary>
    public double? MacroF1 { get; set; }

    /// <summary>Macro-F1 of the model that was active then, on the same slice: the bar this one had to clear.</summary>
    public double? BaselineMacroF1 { get; set; }

    public double? Accuracy { get; set; }
    public double TrainingSeconds { get; set; }
    public bool IsActive { get; set; }
    public DateTime? ActivatedAt { get; set; }

    /// <summary>Why it was or was not activated, in words for the administrator.</summary>
    public string Decision { get; set; } = "";

    public byte[] Content { get; set; } = [];
}

/// <summary>What the classifier suggested for an order on intake, kept for the triage queue and for measuring it.</summary>
public sealed class WorkOrderSuggestion
{
    public Guid WorkOrderId { get; set; }
    public string Source { get; set; } = "";
    public string? ModelVersion { get; set; }
    public Guid? CategoryId { get; set; }
    public double Confidence { get; set; }

    /// <summary>The ranked candidates as JSON: [{ categoryId, confidence }].</summary>
    public string CandidatesJson { get; set; } = "[]";

    public Urgency Urgency { get; set; }
    public string? UrgencyReason { get; set; }

    /// <summary>True when the suggestion was confident enough to set the category without a person.</summary>
    public bool Applied { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A category (and urgency) a person confirmed or corrected: the site's own training label.</summary>
public sealed class TrainingLabel
{
    public Guid Id { get; set; }
    public Guid WorkOrderId { get; set; }
    public Guid CategoryId { get; set; }
    public Urgency Urgency { get; set; }

    /// <summary><c>Correction</c> (the dispatcher changed the suggestion) or <c>Confirmation</c>.</summary>
    public string Source { get; set; } = "";

    public Guid? UserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Cold start: editable keywords that point to a category while the site has too little history for a model.</summary>
public sealed class KeywordRule
{
    public Guid Id { get; set; }
    public Guid CategoryId { get; set; }

    /// <summary>Comma- or space-separated keywords (e.g. "电梯,困人,停运").</summary>
    public string Keywords { get; set; } = "";

    public bool IsActive { get; set; } = true;
}
