using NasOrleans.Core.Specs;

namespace NasOrleans.Core.Tests.Specs;

/// <summary>Compares specs by their canonical JSON (records compare their dictionaries by reference).</summary>
internal sealed class StudySpecComparer : IEqualityComparer<StudySpec>
{
    public static readonly StudySpecComparer Instance = new();

    public bool Equals(StudySpec? x, StudySpec? y) =>
        x is not null && y is not null && StudySpecJson.Serialize(x) == StudySpecJson.Serialize(y);

    public int GetHashCode(StudySpec obj) => StudySpecJson.Serialize(obj).GetHashCode(StringComparison.Ordinal);
}
