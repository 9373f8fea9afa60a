using Linli.Domain.Common;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Categories;
using Linli.Web.Resources;

namespace Linli.Web.Features.Classification;

/// <summary>
/// The intake step that classifies a new order: above the confidence threshold (<c>Linli:Classification:Threshold</c>,
/// default 0.6) the suggested category is set by the system; below it the order waits in the triage queue with the
/// suggestions. Danger words raise the urgency either way. The suggestion it returns is stored with the order (by the
/// intake writer) for the triage queue and for measuring the classifier on the site's own data.
/// </summary>
public sealed class ClassifyOnIntake(SuggestCategoryHandler suggest, CategoryCatalog categories)
{
    public static readonly Actor SmartClassifier = new(null, SystemText.Get("Actor.SmartClassifier"), "System");

    public async Task<WorkOrderSuggestion> ApplyAsync(WorkOrder order, DateTime now, CancellationToken ct)
    {
        var suggestion = await suggest.HandleAsync(order.Title, order.Description, ct);
        var category = order.CategoryId;
        var urgency = order.Urgency;
        var notes = new List<string>();
        var applied = false;
        if (category is null && suggestion.Top is { } top && top.Confidence >= suggest.Threshold
            && await categories.IsActiveAsync(top.CategoryId, ct))
        {
            category = top.CategoryId;
            applied = true;
            var by = suggestion.Source switch
            {
                SuggestCategoryHandler.ModelSource => suggestion.ModelVersion,
                SuggestCategoryHandler.ModelAndKeywordsSource => SystemText.Format("Classify.KeywordsOverUnsureModel", suggestion.ModelVersion),
                _ => SystemText.Get("Classify.KeywordRules"),
            };
            notes.Add(SystemText.Format("Classify.Applied", by, top.Confidence));
        }
        if (suggestion.Urgency is { } raised && raised > urgency)
        {
            urgency = raised;
            notes.Add(SystemText.Format("Classify.UrgencyRaised", SystemText.Get("Urgency." + raised), suggestion.UrgencyReason));
        }
        if (notes.Count > 0)
        {
            order.Categorize(category, urgency, string.Join("；", notes), SmartClassifier, now);
        }
        var row = new WorkOrderSuggestion
        {
            WorkOrderId = order.Id,
            Source = suggestion.Source,
            ModelVersion = suggestion.ModelVersion,
            CategoryId = suggestion.Top?.CategoryId,
            Confidence = suggestion.Top?.Confidence ?? 0,
            CandidatesJson = suggestion.CandidatesJson,
            Urgency = suggestion.Urgency ?? order.Urgency,
            UrgencyReason = suggestion.UrgencyReason,
            Applied = applied,
            At = now,
        };
        return row;
    }
}
