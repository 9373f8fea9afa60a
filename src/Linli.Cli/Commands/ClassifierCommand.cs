using System.Diagnostics;
using System.Globalization;
using Linli.Classification;
using Linli.Classification.Data;
using Linli.Classification.Evaluation;
using Linli.Classification.Model;

namespace Linli.Cli.Commands;

/// <summary>
/// <c>classifier train</c> and <c>classifier eval</c>: train a message classifier on a
/// <c>title,detail,label</c> CSV and score a saved model on another. Eval's last line is
/// <c>macro-F1: 0.xxxx</c> so scripts can read it with <c>tail -1</c>.
/// </summary>
internal static class ClassifierCommand
{
    private const string Usage = """
        usage:
          classifier train --data FILE.csv --out MODEL [--seed N] [--label-column label] [--model-version V] [--created-at ISO-8601]
          classifier eval  --model MODEL --data FILE.csv [--label-column label]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["train", .. var rest] => await TrainAsync(ParseOptions(rest)),
                ["eval", .. var rest] => Evaluate(ParseOptions(rest)),
                _ => Fail("unknown classifier command."),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }
    }

    private static async Task<int> TrainAsync(Dictionary<string, string> options)
    {
        var data = Required(options, "data");
        var output = Required(options, "out");
        var labelColumn = options.GetValueOrDefault("label-column", LabeledTextCsv.DefaultLabelColumn);
        var seed = options.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : new TextClassifierOptions().Seed;
        var version = options.GetValueOrDefault("model-version", "1");

        var clock = Stopwatch.StartNew();
        var examples = LabeledTextCsv.ReadFile(data, labelColumn);
        Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2}s] read {examples.Count:N0} examples from {data} (label column '{labelColumn}')");

        var trainer = new TextClassifierTrainer(new TextClassifierOptions { Seed = seed });

        // Synchronous reporting: Progress<T> would post to the thread pool and reorder the lines.
        var progress = new InlineProgress(p =>
            Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2}s] step {p.Step}/{p.Steps} {p.Stage}: {p.Message}"));
        // A fixed --created-at makes the model file byte-for-byte reproducible.
        var createdAt = options.TryGetValue("created-at", out var at)
            ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : TimeProvider.System.GetUtcNow();
        var stamp = new ModelStamp(version, createdAt, labelColumn);
        var classifier = trainer.Train(examples, stamp, progress);

        await using (var stream = File.Create(output))
        {
            ClassifierModelFile.Save(classifier, stream);
        }

        Console.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F2}s] saved {output} ({new FileInfo(output).Length / 1024.0 / 1024.0:F1} MiB, {classifier.Labels.Count} labels: {string.Join(", ", classifier.Labels)})");
        return 0;
    }

    private static int Evaluate(Dictionary<string, string> options)
    {
        var modelPath = Required(options, "model");
        var data = Required(options, "data");
        var classifier = ClassifierModelFile.Load(modelPath);
        var labelColumn = options.GetValueOrDefault("label-column", classifier.Metadata.Target);
        var examples = LabeledTextCsv.ReadFile(data, labelColumn);

        var clock = Stopwatch.StartNew();
        var actual = new string[examples.Count];
        var predicted = new string[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            actual[i] = examples[i].Label;
            predicted[i] = classifier.Predict(examples[i].Title, examples[i].Detail).Label;
        }

        var elapsed = clock.Elapsed;
        var m = classifier.Metadata;
        Console.WriteLine($"model {modelPath}: version {m.ModelVersion}, created {m.CreatedAt:u}, target '{m.Target}', trained on {m.TrainingSize:N0} examples, {m.FeatureCount:N0} features");
        Console.WriteLine($"classified {examples.Count:N0} examples from {data} in {elapsed.TotalMilliseconds:F0} ms ({elapsed.TotalMilliseconds * 1000 / Math.Max(1, examples.Count):F0} µs each)");
        Console.WriteLine();
        Console.WriteLine(ClassificationMetrics.Compute(classifier.Labels, actual, predicted).Format());
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'.");
            }

            options[args[i][2..]] = args[++i];
        }

        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"classifier: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    private sealed class InlineProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
