using System.Globalization;
using Linli.Domain.Common;
using Linli.Domain.Units;
using Linli.Domain.WorkOrders;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Sla;
using Linli.Web.Infrastructure;

namespace Linli.Web.Persistence.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Walks each planned order through 接-派-办-评-回访 with the domain verbs, at simulated and increasing times, and stops
    /// where "now" is: old orders end closed, recent ones are caught in whatever state their life has reached. Between the
    /// people's steps the SLA sweeper does what it does in the running host (warn, then escalate an overdue order one level
    /// up), so late orders carry the same history as live ones. A verb that refuses a planned move is a bug in the plan
    /// and fails the seed loudly.
    /// </summary>
    private sealed class HistorySimulator(Random random, DateTime now, DemoCast cast, TimeLimits.Snapshot limits, SiteTime siteTime)
    {
        /// <summary>How often the host's SLA sweeper runs (Linli:Sla:SweepSeconds): its actions land within this of the due time.</summary>
        private const int SweepSeconds = 30;

        public int SweeperEscalations { get; private set; }
        public int SweeperWarnings { get; private set; }

        /// <summary>One order being lived: where its clock stands, and the duplicates waiting to be merged into it.</summary>
        private sealed class Life(WorkOrder order, OrderPlan plan)
        {
            public WorkOrder Order { get; } = order;
            public OrderPlan Plan { get; } = plan;
            public DateTime Cursor { get; set; } = order.ReceivedAt;
            public bool Stopped { get; set; }
            public List<(DateTime At, Life Child)> Merges { get; } = [];
        }

        /// <summary>The order of the plan and its merged duplicates, as they stand now.</summary>
        public List<WorkOrder> Run(OrderPlan plan)
        {
            var created = new List<WorkOrder>(1 + plan.Duplicates.Count);
            var life = Start(plan, created);
            foreach (var duplicate in plan.Duplicates)
            {
                // The dispatcher spots the repeat within the hour and merges it.
                life.Merges.Add((duplicate.ReceivedAt.AddMinutes(random.Next(5, 41)).AddSeconds(random.Next(60)), Start(duplicate, created)));
            }
            life.Merges.Sort((a, b) => a.At.CompareTo(b.At));
            Live(life);
            FlushMerges(life, now);
            // Whatever is still open has been watched by the sweeper until now.
            Sweep(life, now);
            return created;
        }

        private static Life Start(OrderPlan plan, List<WorkOrder> created)
        {
            var received = WorkOrder.Receive(plan.ToNewWorkOrder(), plan.ReceivedBy, plan.ReceivedAt);
            if (!received.IsSuccess)
            {
                throw new InvalidOperationException($"Demo order {plan.Number} refused: {received.Error!.Code}");
            }
            created.Add(received.Value);
            return new Life(received.Value, plan);
        }

        private void Live(Life life)
        {
            var plan = life.Plan;
            var order = life.Order;
            var forced = plan.Account is not null; // the demo residents' own orders take the plain road to Closed
            if (plan.Cancel)
            {
                var actor = plan.Channel == Channel.Hotline12345 ? plan.ReceivedBy : plan.Evaluator ?? plan.ReceivedBy;
                Step(life, life.Cursor.AddMinutes(random.Next(5, 90)), at => order.Cancel(Pick(random, CancelReasons), actor, at));
                return;
            }

            var building = plan.Building;
            var target = forced ? building.GridUnitId : Route(plan);
            var returned = !forced && random.NextDouble() < 0.03;
            var first = returned ? WrongUnitFor(target, building) : target;
            if (!Step(life, DispatchTime(life), at => order.Dispatch(first, limits.For(order, at), cast.Dispatcher, at)))
            {
                return;
            }
            if (returned)
            {
                if (!Step(life, Within(life, order.RespondBy, 0.1, 0.7), at => order.Return(ReturnReason(target), Handler(order), at))
                    || !Step(life, Daytime(life.Cursor.AddMinutes(random.Next(10, 60)), 8, 21), at => order.Dispatch(target, limits.For(order, at), cast.Dispatcher, at)))
                {
                    return;
                }
            }

            // Some old orders got stuck: nobody accepted, or nobody finished. The sweeper escalates them up the ladder
            // (after Live returns) and the supervisor presses them.
            var stuck = !forced && now - plan.ReceivedAt > TimeSpan.FromDays(12) ? random.NextDouble() : 1.0;
            if (stuck < 0.003)
            {
                Press(life);
                return;
            }
            if (!forced && random.NextDouble() < 0.015 && !Transfer(life, Within(life, order.RespondBy, 0.1, 0.6)))
            {
                return;
            }
            if (!Accept(life, late: !forced && random.NextDouble() < 0.07))
            {
                return;
            }
            if (!forced && random.NextDouble() < 0.015 && (!Transfer(life, Within(life, order.CompleteBy, 0.1, 0.5)) || !Accept(life, late: false)))
            {
                return;
            }
            if (!forced && order.UnitId is { } unit && cast.IsGrid(unit) && random.NextDouble() < 0.025 && cast.ParentOf(unit) is { } community)
            {
                if (!Step(life, Within(life, order.CompleteBy, 0.1, 0.6),
                        at => order.Escalate(community, Pick(random, EscalateReasons), limits.For(order, at), Handler(order), at))
                    || !Accept(life, late: false))
                {
                    return;
                }
            }
            if (!forced && random.NextDouble() < 0.04 && !Extend(life))
            {
                return;
            }
            if (stuck < 0.012)
            {
                Press(life);
                return;
            }
            if (Complete(life, late: !forced && random.NextDouble() < 0.08, reopened: false))
            {
                Close(life, forced);
            }
        }

        /// <summary>Who takes it: mostly the building's grid; the property company for its own business; a department where the law says so.</summary>
        private Guid Route(OrderPlan plan)
        {
            var building = plan.Building;
            var template = plan.Template;
            if (template.Department is { } department && random.NextDouble() < department switch { "D01" => 0.7, "D02" => 0.85, "D03" => 0.45, _ => 0.6 })
            {
                return cast.Unit(department);
            }
            if (building.PropertyCompanyUnitId is { } company)
            {
                var share = plan.Channel is Channel.PropertyButler or Channel.Hotline400 ? 0.85 : template.Category switch
                {
                    "物业管理" => 0.55,
                    "电梯故障" => 0.5,
                    "房屋漏水" => 0.45,
                    "停车管理" => 0.3,
                    "供水供暖" => 0.25,
                    "环境卫生" => 0.2,
                    "垃圾分类" => 0.15,
                    _ => 0,
                };
                if (random.NextDouble() < share)
                {
                    return company;
                }
            }
            if (template.Category == "邻里纠纷" && random.NextDouble() < 0.15 && cast.ParentOf(building.GridUnitId) is { } community)
            {
                return community;
            }
            return building.GridUnitId;
        }

        /// <summary>A first dispatch that was wrong: the neighbouring grid, or the grid when the order needs someone else.</summary>
        private Guid WrongUnitFor(Guid target, Building building)
        {
            if (!cast.IsGrid(target))
            {
                return building.GridUnitId;
            }
            var others = cast.Grids.Where(g => g.Id != target).ToList();
            return Pick(random, others).Id;
        }

        private string ReturnReason(Guid target) => cast.UnitsById[target].Kind switch
        {
            UnitKind.Grid => "该楼栋不在本网格范围内，请重新派单。",
            UnitKind.PropertyCompany => "经核实属物业服务范围，请派物业公司办理。",
            UnitKind.Department => "需执法或职能部门处置，网格无权处理，退回重新派单。",
            UnitKind.Community or UnitKind.Street or UnitKind.Leadership => "需社区层面协调，退回重新派单。",
        };

        /// <summary>转办: the grid finds it is the property company's job, or the other way round.</summary>
        private bool Transfer(Life life, DateTime at)
        {
            var order = life.Order;
            var building = life.Plan.Building;
            var from = order.UnitId!.Value;
            var (to, reason) = cast.UnitsById[from].Kind switch
            {
                UnitKind.Grid when building.PropertyCompanyUnitId is { } company => (company, "经现场核实属物业维修责任范围，转物业公司办理。"),
                UnitKind.Grid => (cast.ParentOf(from) ?? building.GridUnitId, "需社区协调处理，转社区办理。"),
                UnitKind.PropertyCompany => (building.GridUnitId, "非物业服务范围，转网格协调处理。"),
                UnitKind.Department or UnitKind.Community or UnitKind.Street or UnitKind.Leadership => (building.GridUnitId, "经核实需属地网格处置，转网格办理。"),
            };
            return to == from || Step(life, at, t => order.Transfer(to, reason, limits.For(order, t), Handler(order), t));
        }

        /// <summary>
        /// 接单: mostly well inside the response limit. A late one is not accepted by this unit at all: the sweeper escalates
        /// it at the deadline and the unit above accepts it, which is what keeps the response rate below 100 %.
        /// </summary>
        private bool Accept(Life life, bool late)
        {
            var order = life.Order;
            var window = order.RespondBy!.Value - life.Cursor;
            // Most accept early; the skew keeps the 80 % warnings to the few that dawdle.
            var fraction = late ? 1.05 + random.NextDouble() * 0.75 : 0.03 + Math.Pow(random.NextDouble(), 1.5) * 0.82;
            return Step(life, life.Cursor + window * fraction, at => order.Accept(Handler(order), at));
        }

        /// <summary>延期: asked for part-way through, decided within hours and before the deadline; most are approved.</summary>
        private bool Extend(Life life)
        {
            var order = life.Order;
            var due = order.CompleteBy!.Value;
            var until = due.AddDays(random.Next(2, 8));
            if (!Step(life, Within(life, due, 0.3, 0.7), at => order.RequestExtension(until, Pick(random, ExtensionReasons), Handler(order), at)))
            {
                return false;
            }
            var approver = cast.ApproverFor(order.UnitId!.Value);
            var decideAt = life.Cursor + TimeSpan.FromHours(Math.Min(1 + random.NextDouble() * 7, (due - life.Cursor).TotalHours * 0.8));
            return random.NextDouble() < 0.85
                ? Step(life, decideAt, at => order.ApproveExtension(random.Next(2) == 0 ? "同意延期，请抓紧办理。" : null, approver, at))
                : Step(life, decideAt, at => order.RejectExtension("延期理由不充分，请按原时限办结。", approver, at));
        }

        /// <summary>
        /// 办结: in time for most. A late one is often pressed (督办) as the deadline nears; at the deadline the sweeper
        /// escalates it and the unit above accepts and finishes it.
        /// </summary>
        private bool Complete(Life life, bool late, bool reopened)
        {
            var order = life.Order;
            if (late)
            {
                var due = order.CompleteBy!.Value;
                if (random.NextDouble() < 0.6 && !Step(life, Within(life, due, 0.82, 0.98), at => order.Supervise(Pick(random, SuperviseNotes), cast.Supervisor, at)))
                {
                    return false;
                }
                var swept = due.AddSeconds(SweepSeconds + 1);
                if (swept > now)
                {
                    life.Stopped = true;
                    return false;
                }
                Sweep(life, swept);
                if (order.Status == WorkOrderStatus.Dispatched && !Accept(life, late: false))
                {
                    return false;
                }
            }
            var deadline = order.CompleteBy!.Value;
            var left = deadline > life.Cursor ? deadline - life.Cursor : TimeSpan.FromHours(1);
            var at = life.Cursor + left * (0.1 + Math.Pow(random.NextDouble(), 1.5) * 0.8);
            var daytime = order.Urgency == Urgency.Emergency ? at : Daytime(at, 8, 20);
            if (daytime < deadline)
            {
                at = daytime; // nobody reports a repair done at 3 a.m., unless that would miss the deadline
            }
            var result = (reopened ? "重新上门处理：" : random.NextDouble() < 0.3 ? "经现场核实，" : "") + life.Plan.Template.Result;
            return Step(life, at, t => order.Complete(result, Handler(order), t));
        }

        /// <summary>评 and 回访: the reporter rates it (or nobody does and it closes itself after 7 days); a bad verdict may reopen it once.</summary>
        private void Close(Life life, bool forced)
        {
            var plan = life.Plan;
            var order = life.Order;
            var evaluator = plan.Evaluator;
            if (evaluator is null || !(forced || random.NextDouble() < EvaluationShare(plan.Channel)))
            {
                // What the auto-close sweeper does: it runs every few minutes after the seventh day.
                var due = order.CompletedAt!.Value.AddDays(7);
                var closeAt = due.AddMinutes(random.Next(1, 6));
                Step(life, due < now && closeAt > now ? now : closeAt, at => order.AutoClose(Actor.System, at));
                return;
            }
            for (var round = 0; ; round++)
            {
                var (resolved, satisfaction) = forced ? (true, Satisfaction.Satisfied) : Verdict(round);
                var comment = Comment(resolved, satisfaction);
                if (!Step(life, Daytime(life.Cursor.AddMinutes(random.Next(60, 60 * 60)), 7, 22),
                        at => order.Evaluate(resolved, satisfaction, comment, evaluator, at)))
                {
                    return;
                }
                if (order.HasNegativeEvaluation && round == 0 && random.NextDouble() < 0.55)
                {
                    if (!Step(life, Daytime(life.Cursor.AddMinutes(random.Next(60, 20 * 60)), 8, 20),
                            at => order.Reopen(Pick(random, ReopenReasons), cast.Dispatcher, at, limits.For(order, at)))
                        || !Complete(life, late: false, reopened: true))
                    {
                        return;
                    }
                    continue;
                }
                var note = order.HasNegativeEvaluation ? Pick(random, NegativeFollowUps) : Pick(random, PositiveFollowUps);
                Step(life, Daytime(life.Cursor.AddMinutes(random.Next(120, 40 * 60)), 9, 18), at => order.FollowUp(note, cast.Dispatcher, at));
                return;
            }
        }

        /// <summary>About nine in ten verdicts are resolved and (basically) satisfied; a second round after a reopen does better.</summary>
        private (bool Resolved, Satisfaction Satisfaction) Verdict(int round)
        {
            var u = random.NextDouble();
            if (round > 0)
            {
                return u < 0.5 ? (true, Satisfaction.Satisfied) : u < 0.8 ? (true, Satisfaction.BasicallySatisfied) : (false, Satisfaction.Dissatisfied);
            }
            return u switch
            {
                < 0.68 => (true, Satisfaction.Satisfied),
                < 0.90 => (true, Satisfaction.BasicallySatisfied),
                < 0.93 => (true, Satisfaction.Dissatisfied),
                < 0.95 => (false, Satisfaction.BasicallySatisfied),
                _ => (false, Satisfaction.Dissatisfied),
            };
        }

        private string? Comment(bool resolved, Satisfaction satisfaction)
        {
            if (!resolved || satisfaction == Satisfaction.Dissatisfied)
            {
                return Pick(random, NegativeComments);
            }
            if (random.Next(2) == 0)
            {
                return null;
            }
            return satisfaction == Satisfaction.Satisfied ? Pick(random, PositiveComments) : Pick(random, BasicComments);
        }

        private static double EvaluationShare(Channel channel) => channel switch
        {
            Channel.Hotline12345 => 0.85,
            Channel.MiniProgram => 0.8,
            Channel.Reception => 0.75,
            Channel.PhotoReport => 0.7,
            Channel.Hotline400 => 0.65,
            Channel.PropertyButler => 0.6,
            Channel.GridPatrol or Channel.CameraAlert or Channel.SensorAlert or Channel.Alarm or Channel.Proactive => 0,
        };

        /// <summary>督办 of an order nobody moves: once after it is overdue, often again days later.</summary>
        private void Press(Life life)
        {
            var order = life.Order;
            var due = (order.Status == WorkOrderStatus.Dispatched ? order.RespondBy : order.CompleteBy) ?? life.Cursor;
            if (Step(life, Daytime(due.AddHours(2 + random.NextDouble() * 46), 9, 18), at => order.Supervise(Pick(random, SuperviseNotes), cast.Supervisor, at))
                && random.NextDouble() < 0.6)
            {
                Step(life, Daytime(life.Cursor.AddDays(2 + random.NextDouble() * 8), 9, 18), at => order.Supervise(Pick(random, SuperviseNotes), cast.Supervisor, at));
            }
        }

        /// <summary>
        /// The dispatcher routes an emergency within minutes, anything else during the working day; a busy desk leaves some
        /// orders waiting for hours, so the 待派单 queue is never empty.
        /// </summary>
        private DateTime DispatchTime(Life life)
        {
            var u = random.NextDouble();
            return life.Order.Urgency switch
            {
                Urgency.Emergency => life.Cursor.AddMinutes(2 + u * 8),
                Urgency.High => Daytime(life.Cursor.AddMinutes(u < 0.8 ? 5 + u * 30 : 30 + (u - 0.8) * 450), 7, 22),
                Urgency.Normal or Urgency.Low => Daytime(life.Cursor.AddMinutes(u < 0.7 ? 8 + u * 70 : u < 0.95 ? 60 + (u - 0.7) * 720 : 240 + (u - 0.95) * 9600), 8, 21),
            };
        }

        /// <summary>A moment between the last step and <paramref name="deadline"/>, at the given shares of the time left.</summary>
        private DateTime Within(Life life, DateTime? deadline, double from, double to)
        {
            var left = (deadline ?? life.Cursor.AddHours(4)) - life.Cursor;
            return life.Cursor + (left > TimeSpan.Zero ? left : TimeSpan.FromMinutes(10)) * (from + random.NextDouble() * (to - from));
        }

        private Actor Handler(WorkOrder order) => cast.HandlerOf(order.UnitId!.Value);

        private DateTime Daytime(DateTime utc, int from, int to) => DemoSeeder.Daytime(siteTime, random, utc, from, to);

        /// <summary>
        /// Applies one verb at <paramref name="at"/> (nudged after the previous step so that history only moves forward),
        /// unless that moment is still in the future: then the order's life stops here, in whatever state it has reached.
        /// What the sweeper would have done before that moment happens first.
        /// </summary>
        private bool Step(Life life, DateTime at, Func<DateTime, Result<Done>> verb)
        {
            if (life.Stopped)
            {
                return false;
            }
            if (at <= life.Cursor)
            {
                at = life.Cursor.AddSeconds(random.Next(30, 180));
            }
            if (at > now)
            {
                life.Stopped = true;
                return false;
            }
            FlushMerges(life, at);
            var escalated = Sweep(life, at);
            if (at <= life.Cursor)
            {
                at = life.Cursor.AddSeconds(random.Next(30, 180));
            }
            if (at > now)
            {
                life.Stopped = true;
                return false;
            }
            var result = verb(at);
            if (!result.IsSuccess)
            {
                if (escalated)
                {
                    // The sweeper moved the order on before this step: its life goes on from there, unplanned.
                    life.Stopped = true;
                    return false;
                }
                throw new InvalidOperationException($"Demo order {life.Order.Number}: {result.Error!.Code} in state {life.Order.Status}");
            }
            life.Cursor = at;
            return true;
        }

        /// <summary>
        /// The SLA sweeper between the last step and <paramref name="until"/>: warns once per deadline when its share has
        /// passed, and escalates an order that is still waiting at its deadline to the unit above (not beyond the top).
        /// Returns whether it escalated.
        /// </summary>
        private bool Sweep(Life life, DateTime until)
        {
            var order = life.Order;
            var escalated = false;
            until = until < now ? until : now;
            while (order.PausedAt is null && order.UnitId is { } unitId && order.Status is WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted)
            {
                var response = order.Status == WorkOrderStatus.Dispatched;
                var warnAt = response ? order.ResponseWarningAt : order.CompletionWarningAt;
                var due = (response ? order.RespondBy : order.CompleteBy)!.Value;
                var parent = cast.SweepParentOf(unitId);
                var warnFirst = warnAt is { } w && (parent is null || w <= due);
                DateTime? next = warnFirst ? warnAt : parent is null ? null : due;
                if (next is not { } moment || moment >= until)
                {
                    break;
                }
                // The next pass of the sweeper; one that would come after "until" is as good as "until" itself.
                var at = moment.AddSeconds(random.Next(1, SweepSeconds + 1));
                at = at < until ? at : until;
                at = at > life.Cursor ? at : life.Cursor.AddTicks(1);
                var dueText = siteTime.ToLocal(due).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                Result<Done> result;
                if (warnFirst)
                {
                    var comment = NotificationTexts.Format("Sla.WarnComment", NotificationTexts.Get(response ? "Deadline.Response" : "Deadline.Completion"),
                        limits.WarnShare, dueText);
                    result = order.Warn(response ? DeadlineKind.Response : DeadlineKind.Completion, comment, Actor.System, at);
                    SweeperWarnings++;
                }
                else
                {
                    var reason = NotificationTexts.Format(response ? "Sla.EscalateResponse" : "Sla.EscalateCompletion", dueText);
                    result = order.Escalate(parent!.Value, reason, limits.For(order, at), Actor.System, at);
                    SweeperEscalations++;
                    escalated = true;
                }
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo order {order.Number}: sweeper got {result.Error!.Code} in state {order.Status}");
                }
                life.Cursor = at;
            }
            return escalated;
        }

        /// <summary>Merges the duplicates due before <paramref name="until"/>; one whose parent has meanwhile closed lives on its own.</summary>
        private void FlushMerges(Life parent, DateTime until)
        {
            while (parent.Merges.Count > 0 && parent.Merges[0].At <= until)
            {
                var (at, child) = parent.Merges[0];
                parent.Merges.RemoveAt(0);
                if (parent.Order.Status is WorkOrderStatus.Closed or WorkOrderStatus.Cancelled or WorkOrderStatus.Merged)
                {
                    Live(child);
                    Sweep(child, now);
                    continue;
                }
                var reason = $"与工单{parent.Order.Number}反映同一问题，合并办理。";
                Step(child, at, t => child.Order.Merge(parent.Order, reason, cast.Dispatcher, t));
            }
        }
    }
}
