using System.Diagnostics;
using System.Globalization;
using Linli.Domain.Common;
using Linli.Domain.Grids;
using Linli.Domain.Residents;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Grids;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Persistence.Demo;

// Residents of the demo street and 90 days of their requests. Everything is drawn from Random(2026) and the clock, so the
// same "now" gives the same street; orders are built only through the WorkOrder verbs, so their history rows are real.
public sealed partial class DemoSeeder
{
    private const int DemoResidentCount = 300;
    private const int HistoryDays = 90;
    private const int BatchSize = 250;
    private const int Seed = 2026;

    /// <summary>The register as the history needs it; filled by <see cref="SeedResidentsAsync"/>.</summary>
    private readonly List<DemoResident> _residents = [];

    private sealed record DemoResident(Guid Id, string Name, string? PhoneProtected, string? PhoneMasked, Building Building,
        string Entrance, string Room, int BirthYear, Guid? UserId = null);

    private async Task SeedResidentsAsync(List<Building> buildings, CancellationToken ct)
    {
        var random = new Random(Seed);
        var position = buildings.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var buildingIds = position.Keys.ToList();
        var occupied = (await db.Residents.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).ToListAsync(ct)).ToHashSet();
        // Sorted in memory: the database's Guid order differs between SQLite and PostgreSQL, the street must not.
        var households = (await db.Households.AsNoTracking().Where(h => buildingIds.Contains(h.BuildingId)).ToListAsync(ct))
            .Where(h => !occupied.Contains(h.Id))
            .OrderBy(h => position[h.BuildingId]).ThenBy(h => h.Entrance, StringComparer.Ordinal).ThenBy(h => h.Room, StringComparer.Ordinal)
            .ToArray();
        random.Shuffle(households);

        var phones = new HashSet<string>();
        var residents = new List<Resident>(DemoResidentCount + 2);
        foreach (var household in households)
        {
            if (residents.Count >= DemoResidentCount)
            {
                break;
            }
            var building = buildings[position[household.BuildingId]];
            foreach (var (birthYear, male, surname) in HouseholdMembers(random))
            {
                var name = (surname ?? Surname(random)) + GivenName(random, birthYear, male);
                var phone = NewMobile(random, phones);
                var resident = Resident.Create(DemoIds.For($"resident:{residents.Count + 1}"), name,
                    personalData.Protect(phone), PersonalData.MaskPhone(phone), household.Id, birthYear);
                residents.Add(resident);
                _residents.Add(new DemoResident(resident.Id, name, resident.PhoneProtected, resident.PhoneMasked, building,
                    household.Entrance, household.Room, birthYear));
            }
        }
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Who lives together: old people alone or in pairs (a third of the register, as in an old Beijing compound),
    /// couples, single adults, families with a child and three generations under one roof.
    /// </summary>
    private static List<(int BirthYear, bool Male, string? Surname)> HouseholdMembers(Random random)
    {
        // Younger elders are more common than the very old: skew towards 1958.
        int ElderBirth() => 1958 - (int)(23 * Math.Pow(random.NextDouble(), 1.5));
        bool Coin() => random.Next(2) == 0;
        var kind = random.NextDouble();
        if (kind < 0.15)
        {
            return [(ElderBirth(), Coin(), null)];
        }
        if (kind < 0.30)
        {
            var husband = ElderBirth();
            return [(husband, true, null), (Math.Clamp(husband + random.Next(-2, 6), 1935, 1960), false, null)];
        }
        if (kind < 0.55)
        {
            var husband = random.Next(1965, 1999);
            return [(husband, true, null), (Math.Min(husband + random.Next(-2, 5), 2000), false, null)];
        }
        if (kind < 0.70)
        {
            return [(random.Next(1962, 2003), Coin(), null)];
        }
        if (kind < 0.90)
        {
            var father = random.Next(1972, 1989);
            var surname = Surname(random);
            var child = father + random.Next(22, 37);
            if (child > 2010)
            {
                child = random.Next(2002, 2011);
            }
            return [(father, true, surname), (father + random.Next(-1, 4), false, null), (child, Coin(), surname)];
        }
        var elder = ElderBirth();
        var son = Math.Min(1985, elder + random.Next(24, 33));
        var family = Surname(random);
        return [(elder, Coin(), family), (son, true, family), (son + random.Next(-2, 4), false, null)];
    }

    /// <summary>Common surnames come up more often (roughly Zipf over the 百家姓 order).</summary>
    private static string Surname(Random random)
    {
        var index = (int)(Surnames.Length * Math.Pow(random.NextDouble(), 2.2));
        return Surnames[Math.Min(index, Surnames.Length - 1)];
    }

    private static string GivenName(Random random, int birthYear, bool male)
    {
        var names = birthYear switch
        {
            <= 1960 => male ? ElderMaleNames : ElderFemaleNames,
            <= 1989 => male ? MiddleMaleNames : MiddleFemaleNames,
            _ => male ? YoungMaleNames : YoungFemaleNames,
        };
        return names[random.Next(names.Length)];
    }

    private static string NewMobile(Random random, HashSet<string> used)
    {
        while (true)
        {
            var phone = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            if (used.Add(phone))
            {
                return phone;
            }
        }
    }

    private async Task SeedHistoryAsync(int count, CancellationToken ct)
    {
        if (count <= 0)
        {
            return;
        }
        var stopwatch = Stopwatch.StartNew();
        // Everything seeded so far is saved; a small change tracker keeps the batches below fast.
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(Seed);
        var cast = await LoadCastAsync(ct);
        var accounts = await LoadAccountResidentsAsync(cast, ct);
        var plans = new HistoryPlanner(random, now, cast, _residents, accounts, personalData, siteTime).Plan(count);

        var simulator = new HistorySimulator(random, now, cast, await limits.GetAsync(ct), siteTime);
        // One transaction: one commit instead of one per batch, and no half-seeded history if the host stops midway.
        // The rows are all new, so nothing needs change detection beyond what AddRange does.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new List<WorkOrder>(BatchSize + 8);
        var orders = 0;
        var entries = 0;
        // Where intake would have located each order: by its building, surely, in the building's micro-grid.
        var microGrids = (await db.Grids.AsNoTracking().Where(g => g.BuildingId != null).Select(g => new { g.Id, g.BuildingId }).ToListAsync(ct))
            .ToDictionary(g => g.BuildingId!.Value, g => g.Id);
        WorkOrderLocation Located(WorkOrder order)
        {
            var building = cast.BuildingsById[order.BuildingId!.Value];
            var place = new Place(LocatedBy.Building, 1.0, microGrids.TryGetValue(building.Id, out var grid) ? grid : null, building.Id,
                building.GridUnitId, BuildingName.Of(building.Compound, building.Number), building.PropertyCompanyUnitId, building.Compound);
            return WorkOrderLocation.For(order.Id, place, order.ReceivedAt);
        }
        async Task FlushAsync()
        {
            db.WorkOrders.AddRange(batch);
            db.WorkOrderLocations.AddRange(batch.Select(Located));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            orders += batch.Count;
            entries += batch.Sum(o => o.History.Count);
            batch.Clear();
        }
        foreach (var plan in plans.Where(p => p.Parent is null))
        {
            batch.AddRange(simulator.Run(plan));
            if (batch.Count >= BatchSize)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();

        // New intake numbers continue after the demo's: the sequence of each day holds its last number.
        db.NumberSequences.AddRange(plans.GroupBy(p => p.Day)
            .Select(g => new NumberSequence { Key = "order:" + g.Key, Value = g.Count() }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        logger.LogInformation("Seeded {Orders} demo orders with {Entries} history entries ({Warnings} SLA warnings, {Escalations} SLA escalations) in {Elapsed} ms",
            orders, entries, simulator.SweeperWarnings, simulator.SweeperEscalations, stopwatch.ElapsedMilliseconds);
    }

    private async Task<DemoCast> LoadCastAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var buildings = (await db.Buildings.AsNoTracking().ToListAsync(ct))
            .Where(b => codes.ContainsKey(b.GridUnitId))
            .OrderBy(b => codes[b.GridUnitId], StringComparer.Ordinal)
            .ThenBy(b => int.TryParse(b.Number, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .ToList();
        return new DemoCast(units, buildings);
    }

    private async Task<List<DemoResident>> LoadAccountResidentsAsync(DemoCast cast, CancellationToken ct)
    {
        var rows = await (from r in db.Residents.AsNoTracking()
                          join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
                          where r.UserId != null
                          select new { Resident = r, Household = h }).ToListAsync(ct);
        return [.. rows
            .Where(x => cast.BuildingsById.ContainsKey(x.Household.BuildingId))
            .Select(x => new DemoResident(x.Resident.Id, x.Resident.Name, x.Resident.PhoneProtected, x.Resident.PhoneMasked,
                cast.BuildingsById[x.Household.BuildingId], x.Household.Entrance, x.Household.Room, x.Resident.BirthYear ?? 1975, x.Resident.UserId))
            .OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>The units, places and the people who act on orders for each unit.</summary>
    private sealed class DemoCast
    {
        public DemoCast(List<Unit> units, List<Building> buildings)
        {
            UnitsById = units.ToDictionary(u => u.Id);
            UnitsByCode = units.ToDictionary(u => u.Code);
            Buildings = buildings;
            BuildingsById = buildings.ToDictionary(b => b.Id);
            Grids = [.. units.Where(u => u.Kind == UnitKind.Grid).OrderBy(u => u.Code, StringComparer.Ordinal)];
            foreach (var unit in units)
            {
                Handlers[unit.Id] = HandlerNames.TryGetValue(unit.Code, out var handler)
                    ? new Actor(handler.UserName is null ? null : DemoIds.For("user:" + handler.UserName), handler.Name, handler.Role)
                    : new Actor(null, unit.Name, unit.Kind switch
                    {
                        UnitKind.Grid => Roles.GridMember,
                        UnitKind.Community => Roles.GridLeader,
                        UnitKind.Department => Roles.DepartmentHandler,
                        UnitKind.PropertyCompany => Roles.PropertyStaff,
                        UnitKind.Street or UnitKind.Leadership => Roles.Supervisor,
                    });
            }
        }

        public Actor Dispatcher { get; } = new(DemoIds.For("user:dispatcher"), "王调度", Roles.Dispatcher);
        public Actor Supervisor { get; } = new(DemoIds.For("user:supervisor"), "赵督办", Roles.Supervisor);
        public Dictionary<Guid, Unit> UnitsById { get; }
        public Dictionary<string, Unit> UnitsByCode { get; }
        public List<Building> Buildings { get; }
        public Dictionary<Guid, Building> BuildingsById { get; }
        public List<Unit> Grids { get; }
        private Dictionary<Guid, Actor> Handlers { get; } = [];

        public Actor HandlerOf(Guid unitId) => Handlers[unitId];

        public Guid Unit(string code) => UnitsByCode[code].Id;

        public bool IsGrid(Guid unitId) => UnitsById[unitId].Kind == UnitKind.Grid;

        public Guid? ParentOf(Guid unitId) => UnitsById[unitId].ParentId;

        /// <summary>Where the SLA sweeper escalates an overdue order of this unit: the active parent; none at the top.</summary>
        public Guid? SweepParentOf(Guid unitId) =>
            UnitsById[unitId].ParentId is { } parentId && UnitsById.TryGetValue(parentId, out var parent) && parent.IsActive ? parentId : null;

        /// <summary>Extensions of a grid in 莲花池社区 are decided by its 网格长; everyone else's by the street's supervisor.</summary>
        public Actor ApproverFor(Guid unitId) =>
            IsGrid(unitId) && ParentOf(unitId) == Unit("C01") ? HandlerOf(Unit("C01")) : Supervisor;

        // The demo accounts act for their own units; the other units get a plausible staff name without an account.
        private static readonly Dictionary<string, (string? UserName, string Name, string Role)> HandlerNames = new()
        {
            ["G0101"] = ("handler", "李网格员", Roles.GridMember),
            ["G0102"] = (null, "刘网格员", Roles.GridMember),
            ["G0103"] = (null, "陈网格员", Roles.GridMember),
            ["G0201"] = ("handler2", "周网格员", Roles.GridMember),
            ["G0202"] = (null, "杨网格员", Roles.GridMember),
            ["G0203"] = (null, "黄网格员", Roles.GridMember),
            ["G0301"] = (null, "徐网格员", Roles.GridMember),
            ["G0302"] = (null, "胡网格员", Roles.GridMember),
            ["G0303"] = (null, "郭网格员", Roles.GridMember),
            ["C01"] = ("leader", "孙网格长", Roles.GridLeader),
            ["C02"] = (null, "郑网格长", Roles.GridLeader),
            ["C03"] = (null, "冯网格长", Roles.GridLeader),
            ["D01"] = ("department", "钱执法", Roles.DepartmentHandler),
            ["D02"] = (null, "马科员", Roles.DepartmentHandler),
            ["D03"] = (null, "何科员", Roles.DepartmentHandler),
            ["D04"] = (null, "高科员", Roles.DepartmentHandler),
            ["P01"] = ("property", "吴管家", Roles.PropertyStaff),
            ["P02"] = (null, "林管家", Roles.PropertyStaff),
            ["S01"] = ("supervisor", "赵督办", Roles.Supervisor),
            ["L01"] = (null, "包片区领导", Roles.Supervisor),
        };
    }

    /// <summary>One historical order before it is lived: when, where, who and what; the simulator then walks it through its life.</summary>
    private sealed class OrderPlan
    {
        public required DateTime ReceivedAt { get; init; }

        /// <summary>The demo account (resident / resident2) that reported it, so that "my requests" has history.</summary>
        public DemoResident? Account { get; init; }

        public string Number { get; set; } = "";
        public string Day { get; set; } = "";
        public Channel Channel { get; set; }
        public RequestTemplate Template { get; set; } = null!;
        public Guid CategoryId { get; set; }
        public Building Building { get; set; } = null!;
        public string Entrance { get; set; } = "1";
        public string Room { get; set; } = "101";
        public string? AddressText { get; set; }
        public double Latitude { get; set; }
        public double Longitude { get; set; }
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public Urgency Urgency { get; set; }
        public Reporter Reporter { get; set; } = null!;
        public Actor ReceivedBy { get; set; } = null!;

        /// <summary>The person who rates the result; null for patrols and devices, whose orders close by themselves.</summary>
        public Actor? Evaluator { get; set; }

        public string? ExternalReference { get; set; }
        public bool Cancel { get; set; }

        /// <summary>Set on a second report of the same incident: it is merged into this order.</summary>
        public OrderPlan? Parent { get; set; }

        public List<OrderPlan> Duplicates { get; } = [];

        public NewWorkOrder ToNewWorkOrder() => new(Number, Channel, Title, Description, CategoryId, Urgency, Reporter,
            new Location(Building.Id, AddressText, Latitude, Longitude, Building.GridUnitId), ExternalReference);
    }
}
