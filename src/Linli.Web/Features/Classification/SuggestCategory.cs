using System.Text.Json;
using Linli.Domain.WorkOrders;
using Linli.Web.Resources;

namespace Linli.Web.Features.Classification;

public sealed record CategoryCandidate(Guid CategoryId, double Confidence);

/// <summary>What the classifier thinks of a text: ranked categories, an urgency, and where the answer came from.</summary>
public sealed record CategorySuggestion(string Source, string? ModelVersion, IReadOnlyList<CategoryCandidate> Candidates, Urgency? Urgency, string? UrgencyReason)
{
    public CategoryCandidate? Top => Candidates.Count > 0 ? Candidates[0] : null;

    public string CandidatesJson => JsonSerializer.Serialize(Candidates.Select(c => new { categoryId = c.CategoryId, confidence = Math.Round(c.Confidence, 4) }));
}

/// <summary>
/// Suggests a category and urgency: the active model when the site has one, otherwise the editable keyword rules
/// (cold start). Where the model is unsure (below <see cref="Threshold"/>) and the keyword rules of exactly one category
/// match the text, that category leads (<see cref="ModelAndKeywordsSource"/>): the site's own words decide what a model
/// trained on too little history cannot. Danger words always raise urgency. Microseconds per call; no I/O once the model
/// and the rules are loaded.
/// </summary>
public sealed class SuggestCategoryHandler(KeywordRuleSet keywordRules, ActiveClassifier classifier, IConfiguration configuration)
{
    public const string ModelSource = "Model";
    public const string KeywordSource = "Keywords";
    public const string ModelAndKeywordsSource = "ModelAndKeywords";
    public const string NoneSource = "None";
    private const double UrgencyModelThreshold = 0.7;

    /// <summary>The confidence from which a suggestion sets an order's category (<c>Linli:Classification:Threshold</c>).</summary>
    public double Threshold => configuration.GetValue("Linli:Classification:Threshold", 0.6);

    public async Task<CategorySuggestion> HandleAsync(string? title, string description, CancellationToken ct)
    {
        var (categoryModel, urgencyModel) = await classifier.GetAsync(ct);
        var danger = UrgencyRules.Detect(title, description);
        Urgency? urgency = danger?.Urgency;
        var urgencyReason = danger is { } d ? SystemText.Format("Urgency.DangerWord", d.Word) : null;
        if (urgencyModel is not null)
        {
            var predicted = urgencyModel.Model.Predict(title ?? "", description);
            if (predicted.Confidence >= UrgencyModelThreshold && Enum.TryParse<Urgency>(predicted.Label, out var learned)
                && (urgency is null || learned > urgency))
            {
                urgency = learned;
                urgencyReason = SystemText.Format("Urgency.Model", urgencyModel.Version, predicted.Confidence);
            }
        }

        if (categoryModel is not null)
        {
            var prediction = categoryModel.Model.Predict(title ?? "", description);
            var candidates = prediction.Top.Take(3)
                .Select(p => Guid.TryParse(p.Label, out var id) ? new CategoryCandidate(id, p.Confidence) : null)
                .OfType<CategoryCandidate>()
                .ToList();
            if ((candidates.Count == 0 || candidates[0].Confidence < Threshold)
                && await KeywordCandidatesAsync(title, description, ct) is [var sole])
            {
                // The model is unsure; one category's keywords alone match: it leads, the model's candidates follow.
                candidates = [sole, .. candidates.Where(c => c.CategoryId != sole.CategoryId).Take(2)];
                return new CategorySuggestion(ModelAndKeywordsSource, categoryModel.Version, candidates, urgency, urgencyReason);
            }
            return new CategorySuggestion(ModelSource, categoryModel.Version, candidates, urgency, urgencyReason);
        }

        var keywordCandidates = await KeywordCandidatesAsync(title, description, ct);
        return new CategorySuggestion(keywordCandidates.Count > 0 ? KeywordSource : NoneSource, null, keywordCandidates, urgency, urgencyReason);
    }

    /// <summary>Counts keyword hits per category; one clear winner is fairly sure, a tie is not.</summary>
    private async Task<List<CategoryCandidate>> KeywordCandidatesAsync(string? title, string description, CancellationToken ct)
    {
        var text = (title ?? "") + " " + description;
        var rules = await keywordRules.GetAsync(ct);
        var hits = rules
            .Select(r => (r.CategoryId, Hits: r.Keywords.Count(k => text.Contains(k, StringComparison.Ordinal))))
            .Where(x => x.Hits > 0)
            .GroupBy(x => x.CategoryId)
            .Select(g => (CategoryId: g.Key, Hits: g.Sum(x => x.Hits)))
            .OrderByDescending(x => x.Hits).ThenBy(x => x.CategoryId)
            .ToList();
        if (hits.Count == 0)
        {
            return [];
        }
        double total = hits.Sum(h => h.Hits);
        return [.. hits.Take(3).Select((h, i) => new CategoryCandidate(h.CategoryId,
            i == 0 && hits.Count == 1 ? Math.Min(0.95, 0.6 + 0.1 * (h.Hits - 1)) : 0.7 * h.Hits / total))];
    }

    public static IEnumerable<string> SplitKeywords(string keywords) =>
        keywords.Split([',', '，', ' ', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
