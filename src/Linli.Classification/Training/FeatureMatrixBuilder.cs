using Linli.Classification.Data;
using Linli.Classification.Features;

namespace Linli.Classification.Training;

/// <summary>
/// Builds the vocabulary and the training matrix in parallel over fixed contiguous chunks; chunk
/// results are merged in chunk order, so the output does not depend on thread scheduling.
/// </summary>
internal static class FeatureMatrixBuilder
{
    public static TextFeaturizer BuildFeaturizer(FeatureSettings settings, IReadOnlyList<LabeledText> examples, int parallelism)
    {
        var chunks = Chunks(examples.Count, parallelism);
        var distinct = new List<ulong>[chunks.Length];
        Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, chunk =>
        {
            var scratch = new FeatureScratch();
            var sink = new List<ulong>();
            for (var i = chunks[chunk].Start; i < chunks[chunk].End; i++)
            {
                TextFeaturizer.CollectHashes(settings, examples[i].Title, examples[i].Detail, scratch);
                TextFeaturizer.AppendDistinct(scratch, sink);
            }

            distinct[chunk] = sink;
        });

        var total = 0;
        foreach (var list in distinct)
        {
            total += list.Count;
        }

        var all = new ulong[total];
        var offset = 0;
        foreach (var list in distinct)
        {
            list.CopyTo(all, offset);
            offset += list.Count;
        }

        return TextFeaturizer.Build(settings, all, total, examples.Count);
    }

    public static SparseMatrix BuildMatrix(TextFeaturizer featurizer, IReadOnlyList<LabeledText> examples, int parallelism)
    {
        var rows = new (int[] Indices, float[] Values)[examples.Count];
        var chunks = Chunks(examples.Count, parallelism);
        Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, chunk =>
        {
            var scratch = new FeatureScratch();
            for (var i = chunks[chunk].Start; i < chunks[chunk].End; i++)
            {
                featurizer.Featurize(examples[i].Title, examples[i].Detail, scratch);
                rows[i] = (scratch.Indices[..scratch.Count], scratch.Values[..scratch.Count]);
            }
        });

        var builder = new SparseMatrix.Builder(featurizer.Dimension);
        foreach (var (indices, values) in rows)
        {
            builder.AddRow(indices, values);
        }

        return builder.Build();
    }

    private static (int Start, int End)[] Chunks(int count, int parallelism)
    {
        var n = Math.Max(1, Math.Min(parallelism * 4, count));
        var chunks = new (int, int)[n];
        for (var i = 0; i < n; i++)
        {
            chunks[i] = ((int)((long)count * i / n), (int)((long)count * (i + 1) / n));
        }

        return chunks;
    }
}
