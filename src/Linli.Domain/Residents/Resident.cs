namespace Linli.Domain.Residents;

/// <summary>
/// 居民: a person in the register, living in a household. Only some residents have a sign-in account (<see cref="UserId"/>).
/// The phone is stored encrypted (<see cref="PhoneProtected"/>) and masked (<see cref="PhoneMasked"/>) for display.
/// </summary>
public sealed class Resident
{
    private Resident()
    {
        Name = null!;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? PhoneProtected { get; private set; }
    public string? PhoneMasked { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public Guid? UserId { get; private set; }
    public int? BirthYear { get; private set; }

    public static Resident Create(Guid id, string name, string? phoneProtected, string? phoneMasked, Guid? householdId, int? birthYear) => new()
    {
        Id = id,
        Name = name,
        PhoneProtected = phoneProtected,
        PhoneMasked = phoneMasked,
        HouseholdId = householdId,
        BirthYear = birthYear,
    };

    public void LinkAccount(Guid userId) => UserId = userId;
}
