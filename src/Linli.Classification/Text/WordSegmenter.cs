namespace Linli.Classification.Text;

/// <summary>
/// jieba's dictionary segmentation without its HMM: for each stretch of Chinese characters, build the
/// DAG of dictionary words and take the maximum-probability route through it (dynamic programming from
/// the right). A character no word covers stands alone; a run of Latin letters and digits is one token.
/// Works on normalized text, so boundaries (punctuation) always end a word.
/// </summary>
internal sealed class WordSegmenter
{
    private double[] _score = new double[256];
    private int[] _end = new int[256];

    /// <summary>
    /// Writes the tokens of <paramref name="text"/> as (start, length) pairs into <paramref name="tokens"/>
    /// and returns how many there are; a token never spans a boundary. Boundaries themselves are not tokens
    /// but are reported as a token of length 0, so callers can avoid pairing words across them.
    /// </summary>
    public int Segment(WordDictionary dictionary, ReadOnlySpan<char> text, ref (int Start, int Length)[] tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == TextNormalizer.Boundary)
            {
                Add(ref tokens, ref count, i, 0);
                i++;
                continue;
            }

            var end = i + 1;
            if (c < 128)
            {
                while (end < text.Length && text[end] < 128 && text[end] != TextNormalizer.Boundary)
                {
                    end++;
                }

                Add(ref tokens, ref count, i, end - i);
            }
            else
            {
                while (end < text.Length && text[end] >= 128)
                {
                    end++;
                }

                SegmentChinese(dictionary, text[i..end], i, ref tokens, ref count);
            }

            i = end;
        }

        return count;
    }

    private void SegmentChinese(WordDictionary dictionary, ReadOnlySpan<char> text, int offset, ref (int Start, int Length)[] tokens, ref int count)
    {
        var n = text.Length;
        if (_score.Length <= n)
        {
            _score = new double[Math.Max(n + 1, _score.Length * 2)];
            _end = new int[_score.Length];
        }

        var score = _score;
        var best = _end;
        score[n] = 0;
        for (var start = n - 1; start >= 0; start--)
        {
            // A lone character is always a candidate: its own frequency, or jieba's frequency 1.
            var state = WordDictionary.Extend(WordDictionary.Start, text[start]);
            var known = dictionary.TryLookup(state, out var logProbability);
            var single = known && !float.IsNaN(logProbability) ? logProbability : dictionary.UnknownLogProbability;
            var bestScore = single + score[start + 1];
            var bestEnd = start + 1;
            for (var end = start + 1; known && end < n; end++)
            {
                state = WordDictionary.Extend(state, text[end]);
                known = dictionary.TryLookup(state, out logProbability);
                if (known && !float.IsNaN(logProbability))
                {
                    var candidate = logProbability + score[end + 1];

                    // jieba keeps the longer word on ties (max over (score, end) pairs).
                    if (candidate >= bestScore)
                    {
                        bestScore = candidate;
                        bestEnd = end + 1;
                    }
                }
            }

            score[start] = bestScore;
            best[start] = bestEnd;
        }

        for (var start = 0; start < n; start = best[start])
        {
            Add(ref tokens, ref count, offset + start, best[start] - start);
        }
    }

    private static void Add(ref (int Start, int Length)[] tokens, ref int count, int start, int length)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = (start, length);
    }
}
