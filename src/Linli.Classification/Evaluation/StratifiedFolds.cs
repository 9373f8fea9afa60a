namespace Linli.Classification.Evaluation;

/// <summary>Assigns examples to k folds so that every fold has nearly the same class mix.</summary>
public static class StratifiedFolds
{
    /// <summary>Returns the fold (0..folds-1) of each example; deterministic for a seed.</summary>
    public static int[] Assign(IReadOnlyList<string> labels, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var byLabel = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (!byLabel.TryGetValue(labels[i], out var list))
            {
                byLabel[labels[i]] = list = [];
            }

            list.Add(i);
        }

        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var members in byLabel.Values)
        {
            var shuffled = members.ToArray();
            random.Shuffle(shuffled);

            // Continuing the round-robin across classes keeps fold sizes within one of each other.
            foreach (var i in shuffled)
            {
                fold[i] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
