namespace Linli.Domain.Categories;

/// <summary>A request category of the site's own taxonomy (up to three levels, e.g. 城乡建设 › 市政管理 › 小区管理).</summary>
public sealed class Category
{
    private Category()
    {
        Code = null!;
        Name = null!;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public Guid? ParentId { get; private set; }
    public int Level { get; private set; }
    public bool IsActive { get; private set; }

    public static Category Create(Guid id, string code, string name, Category? parent) => new()
    {
        Id = id,
        Code = code,
        Name = name,
        ParentId = parent?.Id,
        Level = parent is null ? 1 : parent.Level + 1,
        IsActive = true,
    };
}
