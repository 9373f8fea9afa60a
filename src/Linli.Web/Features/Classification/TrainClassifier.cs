using System.Diagnostics;
using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;
using Linli.Classification.Model;
using Linli.Domain.WorkOrders;
using Linli.Web.Persistence;
using Linli.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Classification;

public sealed record ClassifierModelSummary(Guid Id, string Version, string Target, DateTime CreatedAt, int TrainingSize, int HeldOutSize,
    double? MacroF1, double? BaselineMacroF1, double? Accuracy, double TrainingSeconds, bool IsActive, DateTime? ActivatedAt, string Decision);

/// <summary>
/// Retrains from the site's own history: the orders whose category a person set, confirmed or corrected (or that were
/// handled to the end under it). The newest fifth is held out; the new model is activated only if its macro-F1 on that
/// slice is not worse than the active model's on the same slice. Every attempt is kept in the registry.
/// </summary>
public sealed class TrainClassifierHandler(LinliDbContext db, ActiveClassifier active, TimeProvider clock, IConfiguration configuration,
    ILogger<TrainClassifierHandler> logger)
{
    public const double HeldOutShare = 0.2;

    public int MinExamples => configuration.GetValue("Linli:Classification:MinExamples", 200);

    public async Task<ClassifierModelSummary?> RetrainAsync(string target, CancellationToken ct)
    {
        var examples = await ExamplesAsync(target, ct);
        var labels = examples.Select(e => e.Example.Label).Distinct().Count();
        if (examples.Count < MinExamples || labels < 2)
        {
            logger.LogInformation("Not retraining the {Target} model: {Count} examples over {Labels} labels (need {Min} and 2)", target, examples.Count, labels, MinExamples);
            return null;
        }

        // Time-ordered split: the held-out slice is the newest orders, as the model will meet them.
        var ordered = examples.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Example).ToList();
        var cut = (int)Math.Round(ordered.Count * (1 - HeldOutShare));
        var train = ordered[..cut];
        var heldOut = ordered[cut..];
        var now = clock.GetUtcNow();
        var version = $"{target}-{now:yyyyMMdd-HHmmss}";

        var watch = Stopwatch.StartNew();
        var candidate = new TextClassifierTrainer(new TextClassifierOptions { Seed = 42 })
            .Train(train, new ModelStamp(version, now, target), cancellationToken: ct);
        watch.Stop();
        var candidateMetrics = Evaluate(candidate, heldOut);

        var (activeCategory, activeUrgency) = await active.GetAsync(ct);
        var current = target == ActiveClassifier.CategoryTarget ? activeCategory : activeUrgency;
        var baseline = current is null ? null : Evaluate(current.Model, heldOut);
        var activate = baseline is null || candidateMetrics.MacroF1 >= baseline.MacroF1;

        using var buffer = new MemoryStream();
        ClassifierModelFile.Save(candidate, buffer);
        var record = new ClassifierModelRecord
        {
            Id = Guid.CreateVersion7(now),
            Version = version,
            Target = target,
            CreatedAt = now.UtcDateTime,
            TrainingSize = train.Count,
            HeldOutSize = heldOut.Count,
            MacroF1 = candidateMetrics.MacroF1,
            BaselineMacroF1 = baseline?.MacroF1,
            Accuracy = candidateMetrics.Accuracy,
            TrainingSeconds = watch.Elapsed.TotalSeconds,
            Decision = baseline is null
                ? SystemText.Get("Training.FirstModel")
                : SystemText.Format(activate ? "Training.NotWorse" : "Training.Worse", candidateMetrics.MacroF1, baseline.MacroF1),
            Content = buffer.ToArray(),
        };
        db.ClassifierModels.Add(record);
        if (activate)
        {
            await ActivateInternalAsync(record, ct);
        }
        await db.SaveChangesAsync(ct);
        active.Invalidate();
        logger.LogInformation("Trained {Version} on {Train} orders in {Seconds:0.0}s: held-out macro-F1 {F1:0.0000} (baseline {Baseline}); {Decision}",
            version, train.Count, watch.Elapsed.TotalSeconds, candidateMetrics.MacroF1, baseline?.MacroF1, record.Decision);
        return Summarize(record);
    }

    /// <summary>Makes a registry row the active model of its target (also how a model is rolled back).</summary>
    public async Task<ClassifierModelSummary?> ActivateAsync(Guid id, CancellationToken ct)
    {
        var record = await db.ClassifierModels.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (record is null)
        {
            return null;
        }
        await ActivateInternalAsync(record, ct);
        await db.SaveChangesAsync(ct);
        active.Invalidate();
        return Summarize(record);
    }

    public Task<List<ClassifierModelSummary>> ListAsync(CancellationToken ct) =>
        db.ClassifierModels.AsNoTracking().OrderByDescending(m => m.CreatedAt)
            .Select(m => new ClassifierModelSummary(m.Id, m.Version, m.Target, m.CreatedAt, m.TrainingSize, m.HeldOutSize, m.MacroF1,
                m.BaselineMacroF1, m.Accuracy, m.TrainingSeconds, m.IsActive, m.ActivatedAt, m.Decision))
            .ToListAsync(ct);

    private async Task ActivateInternalAsync(ClassifierModelRecord record, CancellationToken ct)
    {
        var others = await db.ClassifierModels.Where(m => m.Target == record.Target && m.IsActive && m.Id != record.Id).ToListAsync(ct);
        foreach (var other in others)
        {
            other.IsActive = false;
        }
        record.IsActive = true;
        record.ActivatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private sealed record Labeled(Guid Id, DateTime At, LabeledText Example);

    /// <summary>
    /// Orders whose label a person stands behind. An order the model itself classified counts only once a person
    /// confirmed or corrected it, or once it was handled to the end under that category: otherwise the model would
    /// learn from its own guesses.
    /// </summary>
    private async Task<List<Labeled>> ExamplesAsync(string target, CancellationToken ct)
    {
        var rows = await (
            from o in db.WorkOrders.AsNoTracking()
            join l in db.TrainingLabels.AsNoTracking() on o.Id equals l.WorkOrderId into labels
            from label in labels.DefaultIfEmpty()
            join s in db.WorkOrderSuggestions.AsNoTracking() on o.Id equals s.WorkOrderId into suggestions
            from suggestion in suggestions.DefaultIfEmpty()
            where o.Status != WorkOrderStatus.Cancelled && o.Status != WorkOrderStatus.Merged
            where label != null || o.CategoryId != null
            where label != null || suggestion == null || !suggestion.Applied || o.Status == WorkOrderStatus.Closed
            select new
            {
                o.Id,
                o.ReceivedAt,
                o.Title,
                o.Description,
                CategoryId = label != null ? label.CategoryId : o.CategoryId,
                Urgency = label != null ? label.Urgency : o.Urgency,
            }).ToListAsync(ct);
        return [.. rows.Select(r => new Labeled(r.Id, r.ReceivedAt, new LabeledText(r.Title ?? "", r.Description,
            target == ActiveClassifier.CategoryTarget ? r.CategoryId!.Value.ToString() : r.Urgency.ToString())))];
    }

    private static ClassificationMetrics Evaluate(TextClassifier model, IReadOnlyList<LabeledText> heldOut)
    {
        var actual = heldOut.Select(e => e.Label).ToList();
        var predicted = heldOut.Select(e => model.Predict(e.Title, e.Detail).Label).ToList();
        var labels = actual.Concat(predicted).Distinct().Order().ToList();
        return ClassificationMetrics.Compute(labels, actual, predicted);
    }

    private static ClassifierModelSummary Summarize(ClassifierModelRecord m) =>
        new(m.Id, m.Version, m.Target, m.CreatedAt, m.TrainingSize, m.HeldOutSize, m.MacroF1, m.BaselineMacroF1, m.Accuracy,
            m.TrainingSeconds, m.IsActive, m.ActivatedAt, m.Decision);
}
