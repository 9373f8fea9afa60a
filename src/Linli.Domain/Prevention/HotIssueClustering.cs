namespace Linli.Domain.Prevention;

/// <summary>One request to cluster: a work order or an imported historical message.</summary>
/// <param name="Id">Stable identifier; ties are broken by it, so the result never depends on input order.</param>
/// <param name="Text">Title and description.</param>
/// <param name="PlaceKey">Building or compound (or grid) the request is about; null when unknown.</param>
/// <param name="CategoryKey">Category code or id; null when not classified.</param>
/// <param name="At">When the request was received.</param>
/// <param name="Support">Extra reporters behind the request (merged duplicates, likes of imported history).</param>
/// <param name="InCurrentPeriod">False for the previous period's requests, which only measure growth.</param>
public sealed record ClusterItem(string Id, string Text, string? PlaceKey, string? CategoryKey, DateTime At, int Support, bool InCurrentPeriod = true);

/// <summary>A hot issue: similar requests of the period, with the representative (medoid) request.</summary>
public sealed record HotIssueCluster(
    int Rank,
    string MedoidId,
    string RepresentativeText,
    int Size,
    int PreviousSize,
    double Growth,
    int Support,
    double Score,
    IReadOnlyList<string> ItemIds,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Categories,
    DateTime FirstAt,
    DateTime LastAt);

/// <summary>Thresholds of the clustering; the defaults were tuned on the real messages (bench/Linli.Bench.Prevention).</summary>
public sealed record ClusteringSettings
{
    /// <summary>Cosine similarity (plus the bonuses) an item needs to join a cluster's centroid.</summary>
    public double JoinThreshold { get; init; } = 0.35;

    /// <summary>Added when the item is at the same place as the cluster's first item.</summary>
    public double SamePlaceBonus { get; init; } = 0.15;

    /// <summary>Added when the item has the same category as the cluster's first item.</summary>
    public double SameCategoryBonus { get; init; } = 0.05;

    /// <summary>Smallest cluster (current-period items) reported as a hot issue.</summary>
    public int MinSize { get; init; } = 2;

    /// <summary>How many clusters to return.</summary>
    public int Top { get; init; } = 20;

    /// <summary>Only the first characters of a text count: long complaints repeat themselves.</summary>
    public int MaxTextLength { get; init; } = 300;

    /// <summary>Weight of supporters in the score: reporters count fully, supporters by this share.</summary>
    public double SupportWeight { get; init; } = 0.5;

    /// <summary>Weight of growth against the previous period in the score.</summary>
    public double GrowthWeight { get; init; } = 1.0;
}

/// <summary>
/// 高频问题清单: groups similar requests by character-bigram TF-IDF cosine (no word segmentation needed for Chinese) with
/// a leader algorithm over cluster centroids, boosted when place and category agree, then ranks the clusters by
/// size, support and growth. Deterministic: items are processed in (time, id) order and ties broken by id.
/// </summary>
public static class HotIssueClustering
{
    public static IReadOnlyList<HotIssueCluster> Cluster(IReadOnlyList<ClusterItem> items, ClusteringSettings? settings = null)
    {
        settings ??= new ClusteringSettings();
        var ordered = items.OrderBy(i => i.At).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var vectors = BigramTfIdf.Fit(ordered.Select(i => i.Text), settings.MaxTextLength);

        var clusters = new List<Working>();
        // Inverted index term → clusters whose centroid holds it: only clusters sharing a bigram are scored.
        var postings = new Dictionary<int, List<int>>();
        var dots = new List<double>();
        var touched = new List<int>();
        for (var index = 0; index < ordered.Count; index++)
        {
            var item = ordered[index];
            var vector = vectors[index];
            for (var t = 0; t < vector.Indices.Length; t++)
            {
                if (postings.TryGetValue(vector.Indices[t], out var list))
                {
                    foreach (var c in list)
                    {
                        if (dots[c] == 0)
                        {
                            touched.Add(c);
                        }
                        dots[c] += vector.Values[t] * clusters[c].Centroid[vector.Indices[t]];
                    }
                }
            }
            var best = -1;
            var bestScore = double.NegativeInfinity;
            touched.Sort();
            foreach (var c in touched)
            {
                var cluster = clusters[c];
                var score = dots[c] / cluster.CentroidNorm;
                dots[c] = 0;
                var leader = ordered[cluster.Members[0]];
                if (item.PlaceKey is not null && item.PlaceKey == leader.PlaceKey)
                {
                    score += settings.SamePlaceBonus;
                }
                if (item.CategoryKey is not null && item.CategoryKey == leader.CategoryKey)
                {
                    score += settings.SameCategoryBonus;
                }
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }
            touched.Clear();
            if (best < 0 || bestScore < settings.JoinThreshold)
            {
                best = clusters.Count;
                clusters.Add(new Working());
                dots.Add(0);
            }
            foreach (var term in clusters[best].Add(index, vector))
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }
                list.Add(best);
            }
        }

        var result = new List<HotIssueCluster>();
        foreach (var cluster in clusters)
        {
            var current = cluster.Members.Where(m => ordered[m].InCurrentPeriod).ToList();
            if (current.Count < settings.MinSize)
            {
                continue;
            }
            var previous = cluster.Members.Count - current.Count;
            var medoid = Medoid(current, vectors, ordered);
            var support = current.Sum(m => Math.Max(0, ordered[m].Support));
            var growth = (current.Count - previous) / (double)Math.Max(previous, 1);
            var score = current.Count + settings.SupportWeight * Math.Log2(1 + support) * 2 + settings.GrowthWeight * Math.Max(0, Math.Min(growth, 5));
            result.Add(new HotIssueCluster(0, ordered[medoid].Id, ordered[medoid].Text, current.Count, previous, Math.Round(growth, 4), support,
                Math.Round(score, 4),
                current.Select(m => ordered[m].Id).ToList(),
                current.Select(m => ordered[m].PlaceKey).OfType<string>().GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList(),
                current.Select(m => ordered[m].CategoryKey).OfType<string>().GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList(),
                current.Min(m => ordered[m].At), current.Max(m => ordered[m].At)));
        }
        return result
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Size).ThenBy(c => c.MedoidId, StringComparer.Ordinal)
            .Take(settings.Top)
            .Select((c, i) => c with { Rank = i + 1 })
            .ToList();
    }

    /// <summary>The member closest to all others (largest sum of cosine similarities): a real request, not a made-up average.</summary>
    private static int Medoid(List<int> members, IReadOnlyList<SparseVector> vectors, List<ClusterItem> ordered)
    {
        var best = members[0];
        var bestSum = double.NegativeInfinity;
        // Beyond a few hundred members the medoid of a sample is as good and keeps the cost bounded.
        var sample = members.Count > 300 ? members.Where((_, i) => i % (members.Count / 300 + 1) == 0).ToList() : members;
        foreach (var candidate in sample)
        {
            var sum = 0.0;
            foreach (var other in sample)
            {
                sum += SparseVector.Dot(vectors[candidate], vectors[other]);
            }
            if (sum > bestSum + 1e-12 || (Math.Abs(sum - bestSum) <= 1e-12 && string.CompareOrdinal(ordered[candidate].Id, ordered[best].Id) < 0))
            {
                bestSum = sum;
                best = candidate;
            }
        }
        return best;
    }

    private sealed class Working
    {
        public List<int> Members { get; } = [];
        public Dictionary<int, double> Centroid { get; } = [];
        public double CentroidNorm { get; private set; } = 1;
        private double _squares;

        /// <summary>Adds a member; returns the terms new to the centroid.</summary>
        public List<int> Add(int index, SparseVector vector)
        {
            Members.Add(index);
            var added = new List<int>();
            for (var i = 0; i < vector.Indices.Length; i++)
            {
                var term = vector.Indices[i];
                if (Centroid.TryGetValue(term, out var value))
                {
                    _squares -= value * value;
                }
                else
                {
                    added.Add(term);
                }
                value += vector.Values[i];
                Centroid[term] = value;
                _squares += value * value;
            }
            CentroidNorm = _squares <= 0 ? 1 : Math.Sqrt(_squares);
            return added;
        }
    }
}

/// <summary>An L2-normalised sparse vector with sorted indices.</summary>
public sealed record SparseVector(int[] Indices, double[] Values)
{
    public static double Dot(SparseVector a, SparseVector b)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.Indices.Length && j < b.Indices.Length)
        {
            var c = a.Indices[i].CompareTo(b.Indices[j]);
            if (c == 0)
            {
                sum += a.Values[i++] * b.Values[j++];
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return sum;
    }

    public static double Dot(SparseVector a, Dictionary<int, double> b)
    {
        double sum = 0;
        for (var i = 0; i < a.Indices.Length; i++)
        {
            if (b.TryGetValue(a.Indices[i], out var v))
            {
                sum += a.Values[i] * v;
            }
        }
        return sum;
    }
}

/// <summary>Character bigrams of the Chinese letters, digits and Latin letters of a text, weighted by TF-IDF.</summary>
public static class BigramTfIdf
{
    public static IReadOnlyList<SparseVector> Fit(IEnumerable<string> texts, int maxLength = 300)
    {
        var documents = texts.Select(t => Bigrams(t, maxLength)).ToList();
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        foreach (var document in documents)
        {
            foreach (var gram in document.Keys)
            {
                if (!vocabulary.TryGetValue(gram, out var id))
                {
                    id = vocabulary[gram] = vocabulary.Count;
                    documentFrequency.Add(0);
                }
                documentFrequency[id]++;
            }
        }
        var n = documents.Count;
        var result = new List<SparseVector>(n);
        foreach (var document in documents)
        {
            var entries = document
                .Select(kv => (Id: vocabulary[kv.Key], Weight: (1 + Math.Log(kv.Value)) * (Math.Log((1.0 + n) / (1.0 + documentFrequency[vocabulary[kv.Key]])) + 1)))
                .OrderBy(e => e.Id)
                .ToArray();
            var norm = Math.Sqrt(entries.Sum(e => e.Weight * e.Weight));
            result.Add(new SparseVector(entries.Select(e => e.Id).ToArray(), entries.Select(e => norm == 0 ? 0 : e.Weight / norm).ToArray()));
        }
        return result;
    }

    public static Dictionary<string, int> Bigrams(string text, int maxLength)
    {
        var kept = new System.Text.StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var raw in text)
        {
            if (kept.Length >= maxLength)
            {
                break;
            }
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw; // full-width → ASCII
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(char.ToLowerInvariant(c));
            }
            else if (kept.Length > 0 && kept[^1] != ' ')
            {
                kept.Append(' ');
            }
        }
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < kept.Length; i++)
        {
            if (kept[i] == ' ' || kept[i + 1] == ' ')
            {
                continue;
            }
            var gram = kept.ToString(i, 2);
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }
        return grams;
    }
}
