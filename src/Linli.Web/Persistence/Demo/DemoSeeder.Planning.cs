using System.Globalization;
using Linli.Domain.Common;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Accounts;
using Linli.Web.Infrastructure;

namespace Linli.Web.Persistence.Demo;

public sealed partial class DemoSeeder
{
    // Where requests come from (M-1): the city hotline and the mini-program carry most of the load.
    private static readonly (Channel Channel, double Weight)[] ChannelWeights =
    [
        (Channel.Hotline12345, 35), (Channel.MiniProgram, 25), (Channel.PhotoReport, 9), (Channel.GridPatrol, 10),
        (Channel.PropertyButler, 7), (Channel.Hotline400, 5), (Channel.Reception, 4), (Channel.CameraAlert, 2.5),
        (Channel.SensorAlert, 2), (Channel.Alarm, 0.5),
    ];

    private static readonly Channel[] PersonChannels =
        [Channel.Hotline12345, Channel.MiniProgram, Channel.PhotoReport, Channel.PropertyButler, Channel.Hotline400, Channel.Reception];

    // Share of each category in an ordinary month; CategoryWeight adds the seasons.
    private static readonly Dictionary<string, double> CategoryWeights = new()
    {
        ["物业管理"] = 14,
        ["房屋漏水"] = 7,
        ["电梯故障"] = 6,
        ["市政设施"] = 7,
        ["环境卫生"] = 9,
        ["噪音扰民"] = 8,
        ["垃圾分类"] = 6,
        ["停车管理"] = 10,
        ["道路破损"] = 5,
        ["邻里纠纷"] = 5,
        ["安全隐患"] = 5,
        ["违章搭建"] = 3,
        ["养老服务"] = 4,
        ["供水供暖"] = 6,
        ["其他"] = 5,
    };

    /// <summary>What the property company's own channels (管家, 400) hear about.</summary>
    private static readonly HashSet<string> PropertyCategories = ["物业管理", "房屋漏水", "电梯故障", "供水供暖", "停车管理", "环境卫生", "垃圾分类"];

    /// <summary>Incidents that many neighbours see at once and report separately: candidates for merging.</summary>
    private static readonly HashSet<string> SharedIncidents = ["电梯故障", "供水供暖", "市政设施", "噪音扰民", "环境卫生", "垃圾分类", "道路破损", "安全隐患", "停车管理"];

    // Requests by hour of the local day: a morning and an afternoon peak, a quiet night (hotline and alarms never sleep).
    private static readonly double[] HourWeights = [0.5, 0.3, 0.2, 0.2, 0.2, 0.4, 1, 3, 6, 9, 9, 8, 6, 5, 7, 8, 8, 7, 6, 6, 5, 4, 2, 1];

    private static readonly HashSet<string> AcuteCategories = ["房屋漏水", "电梯故障", "市政设施", "安全隐患", "养老服务", "供水供暖", "道路破损"];
    private static readonly HashSet<string> ChronicCategories = ["物业管理", "垃圾分类", "邻里纠纷", "违章搭建", "环境卫生", "停车管理", "其他"];

    private const double DuplicateShare = 0.05;

    private static double CategoryWeight(string category, DateTime local) => CategoryWeights[category] * category switch
    {
        "供水供暖" => local.Month is 11 or 12 or 1 or 2 ? 2.2 : local.Month == 3 ? 1.5 : 0.7,
        "噪音扰民" or "环境卫生" => local.Month is >= 6 and <= 9 ? 1.3 : 1,
        "房屋漏水" => local.Month is 7 or 8 ? 1.6 : 1,
        "安全隐患" => local.Month is 11 or 12 or 1 or 2 ? 1.2 : 1,
        _ => 1,
    };

    private static double SeasonFactor(Season season, DateTime local) => season switch
    {
        Season.AllYear => 1,
        // Beijing heats from 15 November to 15 March; the first complaints come with the trial runs a few days before.
        Season.Heating => local.Month is 12 or 1 or 2 ? 1 : local.Month == 11 ? (local.Day >= 10 ? 1 : 0.1) : local.Month == 3 && local.Day <= 15 ? 1 : 0,
        Season.Summer => local.Month is >= 6 and <= 8 ? 1.5 : local.Month is 5 or 9 ? 0.8 : 0.15,
        Season.Rainy => local.Month is 7 or 8 ? 2.5 : local.Month is 6 or 9 ? 1 : 0.3,
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var u = random.NextDouble() * total;
        T? last = default;
        foreach (var item in items)
        {
            var w = weight(item);
            if (w <= 0)
            {
                continue;
            }
            last = item;
            u -= w;
            if (u < 0)
            {
                return item;
            }
        }
        return last ?? throw new InvalidOperationException("Nothing to pick from.");
    }

    /// <summary>Moves an instant into local working hours [from, to): people do not dispatch or call back at 3 a.m.</summary>
    private static DateTime Daytime(SiteTime siteTime, Random random, DateTime utc, int from, int to)
    {
        var local = siteTime.ToLocal(utc);
        if (local.Hour >= from && local.Hour < to)
        {
            return utc;
        }
        var date = DateOnly.FromDateTime(local);
        if (local.Hour >= to)
        {
            date = date.AddDays(1);
        }
        return siteTime.StartOfLocalDay(date).AddHours(from).AddMinutes(random.Next(0, 90)).AddSeconds(random.Next(60));
    }

    /// <summary>Decides when, where, who and what for every historical order, in the order they arrived.</summary>
    private sealed class HistoryPlanner(Random random, DateTime now, DemoCast cast, List<DemoResident> residents,
        List<DemoResident> accounts, PersonalData personalData, SiteTime siteTime)
    {
        private readonly Dictionary<string, string> _categoryCodes = CategoryTree.SelectMany(g => g.Children).ToDictionary(c => c.Name, c => c.Code);
        private readonly Dictionary<string, RequestTemplate[]> _residentTemplates =
            Templates.Where(t => t.Channel is null).GroupBy(t => t.Category).ToDictionary(g => g.Key, g => g.ToArray());
        private readonly Dictionary<Guid, DemoResident[]> _residentsByBuilding =
            residents.GroupBy(r => r.Building.Id).ToDictionary(g => g.Key, g => g.ToArray());
        private readonly HashSet<string> _phones = [];
        private double[] _buildingWeights = [];

        public List<OrderPlan> Plan(int count)
        {
            if (Templates.FirstOrDefault(t => !_categoryCodes.ContainsKey(t.Category)) is { } stray)
            {
                throw new InvalidOperationException($"Demo template category {stray.Category} is not in the category tree.");
            }
            // A few buildings are hot spots (old pipes, a busy gate): the high-frequency lists need something to find.
            _buildingWeights = [.. cast.Buildings.Select(_ => 0.4 + 2.6 * Math.Pow(random.NextDouble(), 2))];
            var accountPlans = count >= 20 ? AccountPlans() : [];
            var plans = SampleTimes(count - accountPlans.Count).Select(t => new OrderPlan { ReceivedAt = t })
                .Concat(accountPlans).OrderBy(p => p.ReceivedAt).ToList();
            for (var i = 0; i < plans.Count; i++)
            {
                var plan = plans[i];
                if (plan.Account is { } account)
                {
                    FillAccount(plan, account);
                }
                else if (random.NextDouble() < DuplicateShare && FindParent(plans, i) is { } parent)
                {
                    FillDuplicate(plan, parent);
                }
                else
                {
                    Fill(plan);
                }
            }
            Number(plans);
            return plans;
        }

        /// <summary>Arrival times over the last 90 days: weekdays and daytime busier, a slight upward trend, a quiet National Day week.</summary>
        private List<DateTime> SampleTimes(int count)
        {
            // Slots start on the hour, so that each slot's weight is the weight of the local hour it covers.
            var earliest = now.AddDays(-HistoryDays);
            var start = new DateTime(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
            var hours = (int)Math.Ceiling((now - start).TotalHours);
            var cumulative = new double[hours];
            var total = 0.0;
            for (var i = 0; i < hours; i++)
            {
                var local = siteTime.ToLocal(start.AddHours(i));
                var day = local.DayOfWeek switch
                {
                    DayOfWeek.Saturday => 0.65,
                    DayOfWeek.Sunday => 0.6,
                    DayOfWeek.Monday => 1.15,
                    _ => 1.0,
                };
                if (local.Month == 10 && local.Day <= 7)
                {
                    day *= 0.6;
                }
                total += day * (0.8 + 0.4 * i / hours) * HourWeights[local.Hour];
                cumulative[i] = total;
            }
            var times = new List<DateTime>(count);
            while (times.Count < count)
            {
                var slot = Array.BinarySearch(cumulative, random.NextDouble() * total);
                var at = start.AddHours(slot < 0 ? ~slot : slot).AddSeconds(random.Next(3600));
                if (at < now.AddMinutes(-1))
                {
                    times.Add(at);
                }
            }
            return times;
        }

        /// <summary>A few closed requests of the demo residents, so that their "my requests" page has history.</summary>
        private List<OrderPlan> AccountPlans()
        {
            (int DaysAgo, string Category)[][] schedule =
            [
                [(58, "电梯故障"), (31, "物业管理"), (13, "噪音扰民")],
                [(44, "供水供暖"), (18, "停车管理")],
            ];
            var today = DateOnly.FromDateTime(siteTime.ToLocal(now));
            var plans = new List<OrderPlan>();
            for (var a = 0; a < Math.Min(accounts.Count, schedule.Length); a++)
            {
                foreach (var (daysAgo, category) in schedule[a])
                {
                    var at = siteTime.StartOfLocalDay(today.AddDays(-daysAgo)).AddHours(8).AddMinutes(random.Next(0, 12 * 60)).AddSeconds(random.Next(60));
                    plans.Add(new OrderPlan { ReceivedAt = at, Account = accounts[a], Template = PickTemplate(category, siteTime.ToLocal(at)) });
                }
            }
            return plans;
        }

        private void FillAccount(OrderPlan plan, DemoResident account)
        {
            plan.Channel = Channel.MiniProgram;
            plan.Building = account.Building;
            FillText(plan, account.Entrance, account.Room);
            plan.Reporter = new Reporter(account.UserId, account.Id, account.Name, account.PhoneProtected, account.PhoneMasked);
            plan.ReceivedBy = new Actor(account.UserId, account.Name, Roles.Resident);
            plan.Evaluator = plan.ReceivedBy;
            plan.Urgency = plan.Template.Urgency;
        }

        private void Fill(OrderPlan plan)
        {
            var local = siteTime.ToLocal(plan.ReceivedAt);
            plan.Channel = Pick(random, ChannelWeights, c => c.Weight).Channel;
            if (plan.Channel is Channel.GridPatrol or Channel.CameraAlert or Channel.SensorAlert or Channel.Alarm)
            {
                plan.Template = Pick(random, [.. Templates.Where(t => t.Channel == plan.Channel)], t => t.Weight * SeasonFactor(t.Season, local));
                plan.Building = PickBuilding();
                FillText(plan, RandomEntrance(), RandomRoom());
                if (plan.Channel == Channel.GridPatrol)
                {
                    // A grid member on patrol reports in their own name, as intake does for staff.
                    var member = cast.HandlerOf(plan.Building.GridUnitId);
                    plan.Reporter = new Reporter(member.UserId, null, member.Name, null, null);
                    plan.ReceivedBy = member;
                }
                else
                {
                    plan.Reporter = new Reporter(null, null, null, null, null);
                    plan.ReceivedBy = new Actor(null, PlatformName(plan.Channel), "Channel");
                }
                // Machines report with the urgency their rule gives; a grid member judges it on the spot.
                SetUrgency(plan, plan.Channel == Channel.GridPatrol ? DrawUrgency(plan.Template) : plan.Template.Urgency);
                return;
            }
            var categories = plan.Channel is Channel.PropertyButler or Channel.Hotline400
                ? [.. PropertyCategories]
                : CategoryWeights.Keys.ToList();
            var category = Pick(random, categories, c => CategoryWeight(c, local));
            plan.Template = PickTemplate(category, local);
            FillPerson(plan, null, null);
            SetUrgency(plan, DrawUrgency(plan.Template));
            plan.Cancel = plan.Channel is Channel.MiniProgram or Channel.PhotoReport or Channel.Hotline12345 && random.NextDouble() < 0.025;
        }

        /// <summary>A second report of the same incident (same place, same kind) from another neighbour, merged later.</summary>
        private void FillDuplicate(OrderPlan plan, OrderPlan parent)
        {
            plan.Parent = parent;
            parent.Duplicates.Add(plan);
            plan.Channel = Pick(random, ChannelWeights.Where(c => PersonChannels.Contains(c.Channel)).ToList(), c => c.Weight).Channel;
            plan.Template = parent.Template;
            FillPerson(plan, parent.Building, parent.Entrance);
            SetUrgency(plan, parent.Urgency);
        }

        private static OrderPlan? FindParent(List<OrderPlan> plans, int index)
        {
            var plan = plans[index];
            for (var j = index - 1; j >= 0 && plan.ReceivedAt - plans[j].ReceivedAt <= TimeSpan.FromHours(3); j--)
            {
                var candidate = plans[j];
                if (candidate.Parent is null && candidate.Account is null && !candidate.Cancel && candidate.Template.Channel is null
                    && SharedIncidents.Contains(candidate.Template.Category) && candidate.Duplicates.Count < 3)
                {
                    return candidate;
                }
            }
            return null;
        }

        private void FillPerson(OrderPlan plan, Building? building, string? entrance)
        {
            DemoResident? resident = null;
            if (residents.Count > 0 && (plan.Channel != Channel.Hotline12345 || random.NextDouble() < 0.4))
            {
                resident = building is not null && _residentsByBuilding.TryGetValue(building.Id, out var neighbours) && random.NextDouble() < 0.7
                    ? Pick(random, neighbours)
                    : PickResident(plan.Channel);
            }
            // The mini-program reports about home; a photo or a call is more often about something seen elsewhere.
            var aboutHome = plan.Channel switch
            {
                Channel.MiniProgram => 1.0,
                Channel.PhotoReport => 0.7,
                Channel.Hotline12345 or Channel.PropertyButler or Channel.Hotline400 or Channel.Reception or Channel.GridPatrol
                    or Channel.CameraAlert or Channel.SensorAlert or Channel.Alarm or Channel.Proactive => 0.85,
            };
            building ??= resident is not null && random.NextDouble() < aboutHome ? resident.Building : PickBuilding();
            var atHome = resident?.Building.Id == building.Id;
            plan.Building = building;
            FillText(plan, entrance ?? (atHome ? resident!.Entrance : RandomEntrance()), atHome ? resident!.Room : RandomRoom());

            string name;
            string? phoneProtected, phoneMasked;
            if (resident is not null)
            {
                (name, phoneProtected, phoneMasked) = (resident.Name, resident.PhoneProtected, resident.PhoneMasked);
            }
            else
            {
                var male = random.Next(2) == 0;
                var surname = Surname(random);
                // The hotline often records only 王女士 / 李先生.
                name = random.NextDouble() < 0.35 ? surname + (male ? "先生" : "女士") : surname + GivenName(random, random.Next(1950, 2001), male);
                var phone = NewMobile(random, _phones);
                (phoneProtected, phoneMasked) = (personalData.Protect(phone), PersonalData.MaskPhone(phone));
            }
            // Only the resident's own channels know who in the register is writing; phone channels record a name and number.
            plan.Reporter = plan.Channel is Channel.MiniProgram or Channel.PhotoReport && resident is not null
                ? new Reporter(null, resident.Id, name, phoneProtected, phoneMasked)
                : new Reporter(null, null, name, phoneProtected, phoneMasked);
            var person = new Actor(null, name, Roles.Resident);
            plan.ReceivedBy = plan.Channel switch
            {
                Channel.Hotline12345 or Channel.Hotline400 => new Actor(null, PlatformName(plan.Channel), "Channel"),
                Channel.PropertyButler => cast.HandlerOf(building.PropertyCompanyUnitId ?? building.GridUnitId),
                Channel.Reception => cast.Dispatcher,
                Channel.MiniProgram or Channel.PhotoReport or Channel.GridPatrol or Channel.CameraAlert or Channel.SensorAlert
                    or Channel.Alarm or Channel.Proactive => person,
            };
            plan.Evaluator = person;
        }

        private void FillText(OrderPlan plan, string entrance, string room)
        {
            var template = plan.Template;
            var building = plan.Building;
            plan.Entrance = entrance;
            plan.Room = room;
            // People open and close their requests in their own ways; the slots then fill in the place.
            var spoken = template.Channel is null && template.Urgency != Urgency.Emergency;
            var text = spoken ? Pick(random, Openers) + Vary(template.Text) + Pick(random, Closers) : template.Text;
            var body = text
                .Replace("{compound}", building.Compound, StringComparison.Ordinal)
                .Replace("{building}", building.Number, StringComparison.Ordinal)
                .Replace("{entrance}", entrance, StringComparison.Ordinal)
                .Replace("{room}", room, StringComparison.Ordinal)
                .Replace("{floor}", room[..^2], StringComparison.Ordinal)
                .Replace("{when}", Pick(random, WhenPhrases), StringComparison.Ordinal)
                .Replace("{days}", Pick(random, DaysPhrases), StringComparison.Ordinal);
            var (prefixes, suffixes) = Wording(plan.Channel);
            plan.Description = Pick(random, prefixes) + body + Pick(random, suffixes);
            plan.Title = template.Title;
            plan.CategoryId = DemoIds.For("category:" + _categoryCodes[template.Category]);
            plan.AddressText = building.Address
                + (template.Mentions("entrance") || template.Mentions("room") ? entrance + "单元" : "")
                + (template.Mentions("room") ? room : "");
            // The reported point sits by the building: a few metres off, but inside the building's micro-grid, so that
            // locating the point finds the same grid as the building does.
            plan.Latitude = Math.Round(building.Latitude + (random.NextDouble() - 0.5) * 0.0003, 6);
            plan.Longitude = Math.Round(building.Longitude + (random.NextDouble() - 0.5) * 0.0004, 6);
        }

        /// <summary>Swaps a few everyday phrases for their equivalents, so that one template does not read the same every time.</summary>
        private string Vary(string text)
        {
            foreach (var (phrase, alternatives) in Synonyms)
            {
                if (text.Contains(phrase, StringComparison.Ordinal) && random.Next(2) == 0)
                {
                    text = text.Replace(phrase, Pick(random, alternatives), StringComparison.Ordinal);
                }
            }
            return text;
        }

        private RequestTemplate PickTemplate(string category, DateTime local) =>
            Pick(random, _residentTemplates[category], t => t.Weight * SeasonFactor(t.Season, local));

        /// <summary>
        /// Sets the urgency and, where it differs from what the request usually is, says so in the text: the urgency
        /// classifier learns from these words, so a raised or lowered urgency must be visible in what people wrote.
        /// </summary>
        private void SetUrgency(OrderPlan plan, Urgency urgency)
        {
            plan.Urgency = urgency;
            if (urgency == plan.Template.Urgency || plan.Channel is Channel.CameraAlert or Channel.SensorAlert or Channel.Alarm)
            {
                return;
            }
            var patrol = plan.Channel == Channel.GridPatrol;
            string[] phrases = urgency switch
            {
                Urgency.High or Urgency.Emergency => patrol ? PatrolUrgentPhrases : UrgentPhrases,
                Urgency.Low => patrol ? PatrolCalmPhrases : CalmPhrases,
                Urgency.Normal => [""],
            };
            plan.Description += Pick(random, phrases);
        }

        /// <summary>
        /// The template's urgency, sometimes raised where things break (a leak, a lift, a hazard) or lowered where people
        /// ask or complain about something that has lasted for months anyway.
        /// </summary>
        private Urgency DrawUrgency(RequestTemplate template)
        {
            if (template.Urgency != Urgency.Normal)
            {
                return template.Urgency;
            }
            var u = random.NextDouble();
            var high = AcuteCategories.Contains(template.Category) ? 0.12 : 0.03;
            var low = ChronicCategories.Contains(template.Category) ? 0.18 : 0.05;
            return u < high ? Urgency.High : u < high + low ? Urgency.Low : Urgency.Normal;
        }

        private Building PickBuilding() => cast.Buildings[Pick(random, Enumerable.Range(0, cast.Buildings.Count).ToList(), i => _buildingWeights[i])];

        /// <summary>A few residents write often (every street has them); the mini-program is for those who use a smartphone.</summary>
        private DemoResident PickResident(Channel channel)
        {
            var resident = residents[0];
            for (var attempt = 0; attempt < 6; attempt++)
            {
                resident = random.NextDouble() < 0.3 ? residents[random.Next(Math.Min(25, residents.Count))] : Pick(random, residents);
                if (channel is not (Channel.MiniProgram or Channel.PhotoReport) || resident.BirthYear >= 1955)
                {
                    break;
                }
            }
            return resident;
        }

        private string RandomEntrance() => random.Next(1, 3).ToString(CultureInfo.InvariantCulture);

        private string RandomRoom() => $"{random.Next(1, 7)}0{random.Next(1, 3)}";

        /// <summary>Numbers per local day from 1 in arrival order; the 12345 platform's own case numbers for its orders.</summary>
        private void Number(List<OrderPlan> plans)
        {
            foreach (var plan in plans)
            {
                plan.Day = siteTime.ToLocal(plan.ReceivedAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            }
            var hotlinePerDay = plans.Where(p => p.Channel == Channel.Hotline12345).GroupBy(p => p.Day).ToDictionary(g => g.Key, g => g.Count());
            var numbers = new Dictionary<string, int>();
            var serials = new Dictionary<string, int>();
            foreach (var plan in plans)
            {
                var number = numbers[plan.Day] = numbers.GetValueOrDefault(plan.Day) + 1;
                plan.Number = $"{plan.Day}-{number:0000}";
                if (plan.Channel == Channel.Hotline12345)
                {
                    // The city numbers the whole city's cases: ours are a sparse, rising subset of the day's serials.
                    var serial = serials[plan.Day] = serials.GetValueOrDefault(plan.Day) + random.Next(1, Math.Max(2, 900 / hotlinePerDay[plan.Day]) + 1);
                    var local = siteTime.ToLocal(plan.ReceivedAt);
                    plan.ExternalReference = string.Create(CultureInfo.InvariantCulture, $"12345-{local.Year}{local.DayOfYear:000}{serial:000}");
                }
            }
        }

        private static string PlatformName(Channel channel) => channel switch
        {
            Channel.Hotline12345 => "12345市民服务热线",
            Channel.Hotline400 => "400物业服务热线",
            Channel.CameraAlert => "AI视频监控平台",
            Channel.SensorAlert => "物联感知平台",
            Channel.Alarm => "一键报警平台",
            Channel.PhotoReport or Channel.GridPatrol or Channel.PropertyButler or Channel.MiniProgram or Channel.Reception
                or Channel.Proactive => channel.ToString(),
        };
    }
}
