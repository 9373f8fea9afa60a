using Linli.Domain.Grids;

namespace Linli.Domain.Tests.Grids;

public class RoutingTableTests
{
    // The place: block grid G inside community C inside street S. The category: 电梯故障 (E) under 城乡建设 (P).
    private static readonly Dictionary<string, Guid> Ids = new[] { "S", "C", "G", "Elsewhere", "P", "E", "Other", "X", "Y", "Retired", "GridTeam", "Property" }
        .ToDictionary(n => n, _ => Guid.NewGuid());

    private static RoutingContext Context(bool withProperty = true, bool located = true) => new(
        located ? [Ids["G"], Ids["C"], Ids["S"]] : [],
        [Ids["E"], Ids["P"]],
        located ? Ids["GridTeam"] : null,
        withProperty ? Ids["Property"] : null,
        unit => unit != Ids["Retired"]);

    /// <summary>"name grid category target priority [off]": grid and category are a name above or *, target is grid, property or a unit name.</summary>
    private static RoutingRule Rule(string spec)
    {
        var p = spec.Split(' ');
        var kind = p[3] switch { "grid" => RoutingTargetKind.GridUnit, "property" => RoutingTargetKind.PropertyCompany, _ => RoutingTargetKind.Unit };
        return RoutingRule.Create(Guid.NewGuid(), new RoutingRuleSpec(p[0],
            p[1] == "*" ? null : Ids[p[1]], p[2] == "*" ? null : Ids[p[2]], kind,
            kind == RoutingTargetKind.Unit ? Ids[p[3]] : null, int.Parse(p[4]), p.Length < 6)).Value;
    }

    [Theory]
    // rules (separated by |) → the rule chosen ("-" for triage)
    [InlineData("any * * grid 0", "any")]
    [InlineData("any * * grid 0|block G * X 0", "block")]                               // a rule on the grid beats a rule for anywhere
    [InlineData("community C * X 0|block G * Y 0", "block")]                             // deeper grid beats ancestor grid
    [InlineData("street S * X 0|community C * Y 0", "community")]
    [InlineData("parent * P X 0|child * E Y 0", "child")]                                // child category beats parent
    [InlineData("anycat * * X 0|parent * P Y 0", "parent")]                              // a parent category beats any category
    [InlineData("gridany G * X 0|anyelevator * E Y 0", "gridany")]                       // grid before category
    [InlineData("low * E X 1|high * E Y 5", "high")]                                     // equal specificity: higher priority
    [InlineData("b * E X 5|a * E Y 5", "a")]                                             // equal priority: by name, never by storage order
    [InlineData("off G E X 0 off|on * * Y 0", "on")]                                     // a disabled rule is skipped
    [InlineData("elsewhere Elsewhere * X 0", "-")]                                       // a grid off the path never matches
    [InlineData("other * Other X 0", "-")]                                               // a category off the path never matches
    [InlineData("retired G E Retired 0|fallback * * grid 0", "fallback")]               // a retired target is passed over
    [InlineData("property * E property 0|grid * * grid 0", "property")]
    [InlineData("", "-")]                                                               // no rules: triage
    public void Chooses_the_most_specific_rule(string rules, string expected)
    {
        var decision = RoutingTable.Decide(rules.Length == 0 ? [] : rules.Split('|').Select(Rule), Context());

        (decision.Rule?.Name ?? "-").ShouldBe(expected);
        (decision.UnitId is null).ShouldBe(expected == "-");
    }

    [Fact]
    public void A_property_rule_without_a_property_company_falls_through_to_the_next_rule()
    {
        var decision = RoutingTable.Decide([Rule("property * E property 0"), Rule("grid * * grid 0")], Context(withProperty: false));

        decision.Rule!.Name.ShouldBe("grid");
        decision.UnitId.ShouldBe(Ids["GridTeam"]);
        decision.Candidates.Select(c => (c.Rule.Name, c.Verdict)).ShouldBe([("property", RuleVerdict.NoPropertyCompany), ("grid", RuleVerdict.Chosen)]);
    }

    [Fact]
    public void A_grid_unit_rule_needs_a_located_grid()
    {
        var decision = RoutingTable.Decide([Rule("grid * * grid 0")], Context(located: false));
        decision.Rule.ShouldBeNull();
        decision.Candidates.Single().Verdict.ShouldBe(RuleVerdict.NoGridUnit);
    }

    [Fact]
    public void Every_rule_is_explained_in_order_matching_first()
    {
        var decision = RoutingTable.Decide(
            [Rule("z-elsewhere Elsewhere * X 0"), Rule("any * * grid 0"), Rule("block G * X 0"), Rule("off * * X 0 off"), Rule("other * Other Y 0")],
            Context());

        decision.Candidates.Select(c => (c.Rule.Name, c.Verdict)).ShouldBe([
            ("block", RuleVerdict.Chosen),
            ("any", RuleVerdict.Outranked),
            ("off", RuleVerdict.Disabled),
            ("other", RuleVerdict.CategoryNotOnPath),
            ("z-elsewhere", RuleVerdict.GridNotOnPath),
        ]);
        decision.Candidates[0].GridRank.ShouldBe(0);
        decision.Candidates[1].GridRank.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rule_needs_a_name(string name) =>
        RoutingRule.Create(Guid.NewGuid(), new RoutingRuleSpec(name, null, null, RoutingTargetKind.GridUnit, null, 0, true)).Error!.Code.ShouldBe("RoutingRule.Invalid");

    [Fact]
    public void A_fixed_unit_rule_needs_its_unit_and_only_it_has_one()
    {
        RoutingRule.Create(Guid.NewGuid(), new RoutingRuleSpec("x", null, null, RoutingTargetKind.Unit, null, 0, true)).Error!.Code.ShouldBe("RoutingRule.Invalid");
        RoutingRule.Create(Guid.NewGuid(), new RoutingRuleSpec("x", null, null, RoutingTargetKind.GridUnit, Guid.NewGuid(), 0, true)).Error!.Code.ShouldBe("RoutingRule.Invalid");
    }
}
