namespace Linli.Classification.Training;

/// <summary>Rows of sparse feature vectors in compressed-row form (one allocation per array, cache-friendly).</summary>
internal sealed class SparseMatrix
{
    public SparseMatrix(int[] rowStart, int[] indices, float[] values, int columns)
    {
        RowStart = rowStart;
        Indices = indices;
        Values = values;
        Columns = columns;
    }

    public int[] RowStart { get; }

    public int[] Indices { get; }

    public float[] Values { get; }

    public int Columns { get; }

    public int Rows => RowStart.Length - 1;

    public double SquaredNorm(int row, float[]? scale = null)
    {
        var sum = 0.0;
        for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
        {
            double v = scale is null ? Values[p] : Values[p] * scale[Indices[p]];
            sum += v * v;
        }

        return sum;
    }

    public double Dot(int row, double[] weights, float[]? scale = null)
    {
        var sum = 0.0;
        if (scale is null)
        {
            for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
            {
                sum += weights[Indices[p]] * Values[p];
            }
        }
        else
        {
            for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
            {
                var j = Indices[p];
                sum += weights[j] * (Values[p] * scale[j]);
            }
        }

        return sum;
    }

    /// <summary>Like <see cref="Dot"/> over other values at the same positions.</summary>
    public double DotValues(int row, double[] weights, float[] values)
    {
        var sum = 0.0;
        for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
        {
            sum += weights[Indices[p]] * values[p];
        }

        return sum;
    }

    /// <summary>Like <see cref="AddTo"/> over other values at the same positions.</summary>
    public void AddValuesTo(int row, double factor, double[] weights, float[] values)
    {
        for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
        {
            weights[Indices[p]] += factor * values[p];
        }
    }

    /// <summary>The values of <paramref name="rows"/> times the scale of their column (other positions stay 0).</summary>
    public float[] Scaled(ReadOnlySpan<int> rows, float[] scale)
    {
        var scaled = new float[Values.Length];
        foreach (var row in rows)
        {
            for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
            {
                scaled[p] = Values[p] * scale[Indices[p]];
            }
        }

        return scaled;
    }

    public void AddTo(int row, double factor, double[] weights, float[]? scale = null)
    {
        if (scale is null)
        {
            for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
            {
                weights[Indices[p]] += factor * Values[p];
            }
        }
        else
        {
            for (var p = RowStart[row]; p < RowStart[row + 1]; p++)
            {
                var j = Indices[p];
                weights[j] += factor * (Values[p] * scale[j]);
            }
        }
    }

    /// <summary>Builder that appends rows in order.</summary>
    public sealed class Builder(int columns)
    {
        private readonly List<int> _rowStart = [0];
        private int[] _indices = new int[1 << 16];
        private float[] _values = new float[1 << 16];
        private int _count;

        public void AddRow(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
        {
            if (_count + indices.Length > _indices.Length)
            {
                var size = Math.Max(_count + indices.Length, _indices.Length * 2);
                Array.Resize(ref _indices, size);
                Array.Resize(ref _values, size);
            }

            indices.CopyTo(_indices.AsSpan(_count));
            values.CopyTo(_values.AsSpan(_count));
            _count += indices.Length;
            _rowStart.Add(_count);
        }

        public SparseMatrix Build() => new([.. _rowStart], _indices[.._count], _values[.._count], columns);
    }
}
