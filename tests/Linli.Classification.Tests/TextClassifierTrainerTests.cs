using Linli.Classification.Data;
using Linli.Classification.Tests.Support;

namespace Linli.Classification.Tests;

public class TextClassifierTrainerTests
{
    private static readonly Lazy<TextClassifier> Tiny = new(() => Models.Train(TinyCorpus.Examples));

    [Theory]
    [InlineData("公交车拥堵", "公交站台和道路太拥堵了", TinyCorpus.Roads)]
    [InlineData("学校乱收费", null, TinyCorpus.Schools)]
    [InlineData("河道有污水", "工厂污染河道，请环保部门处理", TinyCorpus.Environment)]
    public void Train_SeparatesObviousClasses(string title, string? detail, string expected)
    {
        Tiny.Value.Predict(title, detail).Label.ShouldBe(expected);
    }

    [Fact]
    public void Predict_RanksEveryLabel_WithConfidencesThatSumToOne()
    {
        var prediction = Tiny.Value.Predict("学校食堂", "学生吃得不卫生");
        prediction.Top.Count.ShouldBe(3);
        prediction.Top.Select(t => t.Label).ShouldBe(Tiny.Value.Labels, ignoreOrder: true);
        prediction.Top.Sum(t => t.Confidence).ShouldBe(1.0, 1e-9);
        prediction.Top.Select(t => t.Confidence).ShouldBeInOrder(SortDirection.Descending);
        prediction.Margin.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesIdenticalModelBytes()
    {
        var options = new TextClassifierOptions { Seed = 5 };
        var first = Models.Bytes(Models.Train(TinyCorpus.Examples, options));
        var second = Models.Bytes(Models.Train(TinyCorpus.Examples, options with { MaxDegreeOfParallelism = 1 }));
        second.ShouldBe(first);
    }

    [Fact]
    public void Train_RecordsStampOptionsSizeAndOutOfFoldMetrics()
    {
        var metadata = Tiny.Value.Metadata;
        metadata.ModelVersion.ShouldBe(Models.Stamp.ModelVersion);
        metadata.CreatedAt.ShouldBe(Models.Stamp.CreatedAt);
        metadata.TrainingSize.ShouldBe(TinyCorpus.Examples.Count);
        metadata.Labels.ShouldBe([TinyCorpus.Roads, TinyCorpus.Schools, TinyCorpus.Environment], ignoreOrder: true);
        metadata.Metrics.Keys.ShouldContain("oof_macro_f1");
        metadata.Metrics["confidence_scale"].ShouldBe(Tiny.Value.ConfidenceScale);
    }

    [Fact]
    public void Train_Stacked_FoldsTheCalibrationIntoTheWeights()
    {
        var classifier = Models.Train(TinyCorpus.Examples, new TextClassifierOptions { MinMessagesPerStackedInput = 0 });
        classifier.Metadata.Options.Stacking.ShouldBeTrue();
        classifier.ConfidenceScale.ShouldBe(1.0);
    }

    [Fact]
    public void Train_TooFewMessagesPerCombinerInput_LeavesTheModelUnstacked()
    {
        // The tiny corpus has far fewer than 50 messages per class and pair of classes: a combiner would fit noise.
        Tiny.Value.Metadata.Options.Stacking.ShouldBeTrue();
        Tiny.Value.ConfidenceScale.ShouldNotBe(1.0);
        Tiny.Value.Predict("河道有污水", "工厂污染河道，请环保部门处理").Label.ShouldBe(TinyCorpus.Environment);
    }

    [Fact]
    public void Train_WithoutStacking_FitsOnlyAConfidenceScale()
    {
        var classifier = Models.Train(TinyCorpus.Examples, new TextClassifierOptions { Stacking = false });
        classifier.ConfidenceScale.ShouldNotBe(1.0);
        classifier.Predict("河道有污水", "工厂污染河道，请环保部门处理").Label.ShouldBe(TinyCorpus.Environment);
    }

    [Fact]
    public void Train_IsGenericOverTheLabel_ForExampleUrgency()
    {
        var examples = TinyCorpus.Examples
            .Select(e => e with { Label = e.Label == TinyCorpus.Environment ? "urgent" : "normal" })
            .ToList();
        var classifier = new TextClassifierTrainer().Train(examples, Models.Stamp with { Target = "urgency" });
        classifier.Metadata.Target.ShouldBe("urgency");
        classifier.Predict("工厂排放污水").Label.ShouldBe("urgent");
    }

    [Fact]
    public void Train_WithASingleLabel_Throws()
    {
        var examples = new[] { new LabeledText("a", null, "x"), new LabeledText("b", null, "x") };
        Should.Throw<ArgumentException>(() => Models.Train(examples));
    }
}
