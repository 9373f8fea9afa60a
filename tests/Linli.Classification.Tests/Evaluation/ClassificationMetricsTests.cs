using Linli.Classification.Evaluation;

namespace Linli.Classification.Tests.Evaluation;

public class ClassificationMetricsTests
{
    // Rows = actual, columns = predicted:
    //        a  b  c
    //   a    5  1  0    support 6
    //   b    2  3  1    support 6
    //   c    0  0  4    support 4
    private static readonly int[][] Confusion = [[5, 1, 0], [2, 3, 1], [0, 0, 4]];

    [Fact]
    public void FromConfusionMatrix_ComputesPerClassFiguresByHand()
    {
        var m = ClassificationMetrics.FromConfusionMatrix(["a", "b", "c"], Confusion);

        // a: P = 5/7, R = 5/6; b: P = 3/4, R = 3/6; c: P = 4/5, R = 4/4.
        m.PerClass[0].Precision.ShouldBe(5.0 / 7, 1e-12);
        m.PerClass[0].Recall.ShouldBe(5.0 / 6, 1e-12);
        m.PerClass[0].F1.ShouldBe(10.0 / 13, 1e-12);
        m.PerClass[1].F1.ShouldBe(0.6, 1e-12);
        m.PerClass[2].F1.ShouldBe(8.0 / 9, 1e-12);
        m.PerClass[2].Support.ShouldBe(4);
        m.Accuracy.ShouldBe(12.0 / 16, 1e-12);
        m.MacroF1.ShouldBe(((10.0 / 13) + 0.6 + (8.0 / 9)) / 3, 1e-12);
    }

    [Fact]
    public void Compute_FromLabelLists_MatchesTheConfusionMatrix()
    {
        var actual = new List<string>();
        var predicted = new List<string>();
        string[] labels = ["a", "b", "c"];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var n = 0; n < Confusion[i][j]; n++)
                {
                    actual.Add(labels[i]);
                    predicted.Add(labels[j]);
                }
            }
        }

        var m = ClassificationMetrics.Compute(labels, actual, predicted);
        m.ConfusionMatrix.Select(row => row.ToArray()).ToArray().ShouldBe(Confusion);
        m.MacroF1.ShouldBe(ClassificationMetrics.FromConfusionMatrix(labels, Confusion).MacroF1, 1e-12);
    }

    [Fact]
    public void Compute_ClassNeverPredicted_HasZeroPrecisionAndF1()
    {
        var m = ClassificationMetrics.Compute(["a", "b"], ["a", "b"], ["a", "a"]);
        m.PerClass[1].Precision.ShouldBe(0);
        m.PerClass[1].F1.ShouldBe(0);
        m.MacroF1.ShouldBe((2.0 / 3) / 2, 1e-12);
    }

    [Fact]
    public void Compute_UnknownGoldLabel_BecomesAnExtraClass()
    {
        var m = ClassificationMetrics.Compute(["a"], ["a", "z"], ["a", "a"]);
        m.Labels.ShouldBe(["a", "z"]);
        m.PerClass[1].Recall.ShouldBe(0);
    }

    [Fact]
    public void Format_EndsWithTheMacroF1Line()
    {
        var text = ClassificationMetrics.FromConfusionMatrix(["a", "b", "c"], Confusion).Format();
        text.Split('\n')[^1].ShouldBe("macro-F1: 0.7527");
    }

    [Fact]
    public void StratifiedFolds_KeepClassMixAndAreDeterministic()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 70 ? "big" : "small").ToArray();
        var folds = StratifiedFolds.Assign(labels, 5, seed: 3);
        folds.ShouldBe(StratifiedFolds.Assign(labels, 5, seed: 3));
        for (var f = 0; f < 5; f++)
        {
            Enumerable.Range(0, 100).Count(i => folds[i] == f && labels[i] == "big").ShouldBe(14);
            Enumerable.Range(0, 100).Count(i => folds[i] == f && labels[i] == "small").ShouldBe(6);
        }
    }
}
