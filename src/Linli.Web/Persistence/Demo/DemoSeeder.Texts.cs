using Linli.Domain.WorkOrders;

namespace Linli.Web.Persistence.Demo;

// The words of the demo street: names of people and what they ask for. The request texts later train the classifier
// from the site's own history, so each template says clearly which category it belongs to, in the way people say it.
public sealed partial class DemoSeeder
{
    /// <summary>When a kind of request comes up: heating only in the heating season (Beijing: mid-November to mid-March).</summary>
    private enum Season
    {
        AllYear,
        Heating,
        Summer,
        Rainy,
    }

    /// <summary>
    /// One way a request is phrased. Slots: {compound} {building} {entrance} {room} {floor} {when} {days}.
    /// <see cref="Channel"/> null means a resident's own words (any person channel); otherwise only that channel uses it.
    /// </summary>
    private sealed record RequestTemplate(string Category, string Title, string Text, string Result)
    {
        public Urgency Urgency { get; init; } = Urgency.Normal;
        public double Weight { get; init; } = 1;
        public Season Season { get; init; } = Season.AllYear;

        /// <summary>A department code (D01–D04) that usually takes this kind of request instead of the grid.</summary>
        public string? Department { get; init; }

        public Channel? Channel { get; init; }

        public bool Mentions(string slot) => Text.Contains("{" + slot + "}", StringComparison.Ordinal);
    }

    private static readonly RequestTemplate[] Templates =
    [
        // 物业管理
        new("物业管理", "楼道灯损坏无人维修", "{compound}{building}号楼{entrance}单元楼道灯坏了{days}，晚上上下楼一片漆黑，老人差点摔倒，找物业一直没人来修。", "已督促物业公司更换楼道灯，现已恢复照明。"),
        new("物业管理", "绿化无人养护", "我们{compound}的物业服务太差了，{building}号楼周围的绿化带{days}没人修剪，杂草长得老高，物业费照收不误。", "已约谈物业项目经理，物业已安排绿化养护人员修剪，并承诺定期养护。"),
        new("物业管理", "单元门禁损坏", "{compound}{building}号楼{entrance}单元的门禁坏了，单元门一直关不上，陌生人随便进出，住户觉得很不安全。", "已联系物业维修门禁系统，单元门恢复正常关闭。"),
        new("物业管理", "物业费上涨未公示", "{compound}物业私自提高物业费，没有开业主大会也没有公示，{building}号楼很多业主有意见，要求物业说明收费依据。", "已约谈物业公司，要求暂停执行新收费标准，按规定公示并征求业主意见。"),
        new("物业管理", "维修基金使用拖延", "{compound}{building}号楼楼顶防水要用维修基金，物业说要走程序，拖了{days}一直不办手续，请督促物业尽快处理。", "已督促物业启动维修基金使用程序，已张贴公示征求业主意见。"),
        new("物业管理", "公共设施报修无回应", "{compound}{building}号楼{entrance}单元的信报箱和楼道扶手坏了{days}，报给物业管家好几次都说再等等，一直没修。", "物业已安排维修工更换扶手和信报箱，并对报修无回应的情况作出说明。"),
        new("物业管理", "保安不在岗", "{compound}物业保安{when}不在岗，小区大门敞开，外卖快递随便进出，{building}号楼业主担心安全问题。", "已约谈物业，要求保安严格值守门岗，并加强夜间巡逻。"),
        new("物业管理", "物业电话无人接听", "{compound}物业前台{when}没人值班，报修电话也打不通，{building}号楼业主有事找不到物业。", "已督促物业公布24小时报修电话并安排专人值守。"),
        new("物业管理", "雨棚破损责任不清", "{compound}{building}号楼{entrance}单元门口的雨棚破了，物业说不归他们管，希望明确维修责任，尽快修好。", "经核实雨棚属公共部位，已由物业负责维修更换。"),

        // 房屋漏水
        new("房屋漏水", "楼上卫生间漏水", "{compound}{building}号楼{entrance}单元{room}，楼上卫生间漏水，渗到我家天花板，墙皮都泡掉了，跟楼上协商没有结果。", "已协调物业上门查看，确认为楼上卫生间防水问题，楼上住户同意维修，已修复。"),
        new("房屋漏水", "顶层屋顶漏雨", "{compound}{building}号楼{entrance}单元顶层，{when}下雨屋顶又漏水了，卧室墙面大面积发霉，已经反映过多次。", "已安排维修人员对屋面防水进行修补，雨后复查未再渗漏。") { Season = Season.Rainy, Weight = 1.5 },
        new("房屋漏水", "外墙渗水", "{compound}{building}号楼{entrance}单元{room}厨房墙角渗水，怀疑是外墙防水层破损，请物业派人检查维修。", "物业已对外墙裂缝进行注胶封堵，渗水问题已处理。"),
        new("房屋漏水", "地下室管道漏水积水", "{compound}{building}号楼{entrance}单元地下室管道漏水，积水很深，{days}了还没人处理，储藏室的东西都泡了。", "已关闭漏水管道阀门，更换破损管段并抽排积水。"),
        new("房屋漏水", "楼上装修导致漏水", "{compound}{building}号楼{entrance}单元{room}，楼上住户装修把防水层破坏了，我家客厅顶部一直往下滴水。", "已组织双方现场协商，楼上住户重做防水，并对楼下损失进行了赔偿。"),
        new("房屋漏水", "楼道下水管渗漏", "{compound}{building}号楼{entrance}单元楼道的下水管裂了，{when}一直往外渗污水，味道很大。", "物业已更换破裂的下水立管，楼道已清理消毒。"),
        new("房屋漏水", "窗台外墙渗水", "{compound}{building}号楼{entrance}单元{room}窗台下面渗水，一下雨就往屋里流，请尽快维修外墙。", "已对窗台外侧重新打胶并做防水处理。") { Season = Season.Rainy },
        new("房屋漏水", "楼上无人漏水", "{compound}{building}号楼{entrance}单元{room}卫生间顶棚漏水，楼上家里没人，电话也联系不上，水一直在滴，请帮忙联系。", "已联系楼上业主回家关闭水阀，漏水点已修复。") { Urgency = Urgency.High },

        // 电梯故障
        new("电梯故障", "电梯停运", "{compound}{building}号楼{entrance}单元电梯又停了，家里有八十多岁的老人，上下楼很困难，请尽快维修。", "已通知电梯维保单位到场检修，更换故障部件，电梯恢复运行。") { Weight = 1.5 },
        new("电梯故障", "电梯困人", "{compound}{building}号楼{entrance}单元电梯把人困在里面了，按了紧急呼叫没人接，请马上派人救援！", "维保人员到场解困，被困人员安全，电梯停梯检修后恢复运行。") { Urgency = Urgency.Emergency, Weight = 0.2 },
        new("电梯故障", "电梯异响抖动", "{compound}{building}号楼{entrance}单元电梯运行时有很大的异响，还会突然抖一下，大家都不敢坐了。", "维保单位已更换导靴和钢丝绳润滑，异响消除。"),
        new("电梯故障", "电梯频繁故障", "{compound}{building}号楼电梯这个月坏了好几次，修好没两天又坏，维保单位敷衍了事，请彻底检修。", "已督促维保单位全面检修，更换控制主板，并要求物业加强日常巡检。"),
        new("电梯故障", "电梯平层不准", "{compound}{building}号楼{entrance}单元电梯门关不严，到{floor}层经常停不准，有台阶，容易绊倒。", "维保单位已调整平层感应器，电梯停靠恢复正常。"),
        new("电梯故障", "电梯年检过期", "{compound}{building}号楼{entrance}单元电梯里的年检合格证已经过期了，电梯还在运行，请核查是否安全。", "已核实电梯已完成年检，新合格证已张贴。"),
        new("电梯故障", "电梯按键失灵", "{compound}{building}号楼{entrance}单元电梯按键失灵，按了没反应，{when}好几个人只能走楼梯。", "维保单位已更换按键板，电梯运行正常。"),
        new("电梯故障", "电梯停运待修", "{compound}{building}号楼{entrance}单元电梯停运{days}了，物业说在等配件，一直没有消息，老人孩子出门都成问题。", "配件已到货，维保单位完成更换，电梯恢复运行。"),

        // 市政设施
        new("市政设施", "路灯不亮", "{compound}{building}号楼旁边的路灯{days}不亮了，晚上路过很黑，请尽快修复。", "已报市政路灯管理单位维修，路灯恢复照明。") { Weight = 1.5 },
        new("市政设施", "井盖松动", "{compound}门口的井盖松动了，车一过就哐当响，{when}还有人差点踩空，请尽快更换。", "已通知产权单位更换井盖并加固。"),
        new("市政设施", "雨水口堵塞积水", "{compound}{building}号楼南侧的雨水篦子堵了，一下雨就积水，出行很不方便。", "已协调相关单位疏通雨水口，积水已排除。") { Season = Season.Rainy },
        new("市政设施", "公交站牌损坏", "{compound}东门外的公交站牌被车撞歪了，有倒下来的危险，请相关部门处理。", "已联系公交公司扶正加固站牌。"),
        new("市政设施", "健身器材损坏", "{compound}小广场的健身器材坏了好几件，螺丝都松了，孩子玩的时候很危险。", "已拆除损坏器材并报修，新器材已安装。"),
        new("市政设施", "污水井冒水", "{compound}门口的污水井往外冒水，污水流到马路上，气味难闻，{days}了。", "已协调排水集团疏通管道，冒水已停止。"),
        new("市政设施", "护栏损坏", "{compound}西侧人行道的护栏倒了好几段，{days}了没人修。", "已报道路管理部门修复护栏。"),
        new("市政设施", "信号灯配时过短", "{compound}门口路口的行人绿灯时间太短，老人走到一半就变红灯了，建议延长。", "已将诉求转交管部门，路口行人绿灯时间已延长。"),

        // 环境卫生
        new("环境卫生", "楼道卫生差", "{compound}{building}号楼{entrance}单元楼道{days}没人打扫，到处是灰尘和烟头，扶手都是黑的。", "已督促物业保洁人员清扫楼道，并增加保洁频次。"),
        new("环境卫生", "堆放杂物垃圾", "{compound}{building}号楼后面有人堆放建筑垃圾和旧家具，{days}了没人清理，影响环境。", "已组织清运杂物和建筑垃圾，现场已清理干净。"),
        new("环境卫生", "小广告乱贴", "{compound}的单元门和电线杆上贴满了小广告，刚清理完又贴上，希望彻底整治。", "已组织网格员和志愿者清理小广告，并加强巡查。"),
        new("环境卫生", "犬只粪便", "{compound}{building}号楼旁边的绿地里到处是狗粪，养狗的人不清理，{when}孩子玩的时候踩到了。", "已清理绿地并张贴文明养犬提示，开展文明养犬宣传。"),
        new("环境卫生", "蚊虫多需消杀", "{compound}{building}号楼附近蚊虫特别多，绿化带里有积水，请安排消杀。", "已协调物业清除积水并进行蚊虫消杀。") { Season = Season.Summer, Weight = 1.5 },
        new("环境卫生", "早点摊油烟油污", "{compound}门口的早点摊每天早上油烟很大，地面油污也没人清理，环境很差。", "已联系执法部门规范早点摊经营，地面油污已清洗。"),
        new("环境卫生", "楼顶养鸽污染", "{compound}{building}号楼楼顶有人养鸽子，鸽子粪便到处都是，楼下晾的衣服都被弄脏了。", "已上门劝导养鸽住户，鸽舍已拆除，楼顶已清理。"),
        new("环境卫生", "道路清扫不及时", "{compound}{building}号楼东侧的小路{days}没人清扫，落叶和垃圾很多。", "已安排保洁人员清扫，落叶已清运。"),

        // 噪音扰民
        new("噪音扰民", "广场舞噪音", "{compound}{building}号楼楼下每天晚上跳广场舞，音响声音太大，一直跳到十点多，家里老人孩子没法休息。", "已与广场舞队伍负责人沟通，约定降低音量并在晚上九点前结束。") { Season = Season.Summer, Weight = 1.5 },
        new("噪音扰民", "装修噪音", "{compound}{building}号楼{entrance}单元楼上住户{when}装修，中午和晚上也在用电钻，严重影响休息。", "已与装修住户沟通，要求遵守装修时间规定，噪音问题缓解。"),
        new("噪音扰民", "夜间施工噪音", "{compound}附近的工地夜间施工，{when}一两点还在打桩，噪音太大，请查处。", "已联系执法部门现场检查，工地夜间施工已停止。"),
        new("噪音扰民", "底商夜间噪音", "{compound}{building}号楼底商的烧烤店每天半夜都很吵，喝酒划拳到凌晨，请管一管。", "已联系执法部门对烧烤店进行检查，店主承诺夜间十点后室内经营并控制噪音。"),
        new("噪音扰民", "楼上夜间噪音", "{compound}{building}号楼{entrance}单元楼上邻居每天半夜拖桌椅、小孩跑跳，声音很大，沟通过没有效果。", "网格员已上门沟通，楼上住户铺设地垫并注意夜间降低声响。"),
        new("噪音扰民", "设备噪音", "{compound}{building}号楼旁边的水泵房噪音很大，日夜嗡嗡响，晚上根本睡不着觉。", "物业已对水泵加装减震垫和隔音罩，噪音明显降低。"),
        new("噪音扰民", "商铺喇叭噪音", "{compound}门口的商铺用大喇叭循环播放促销广告，从早到晚，吵得人心烦。", "已劝导商户停止使用外放喇叭。"),
        new("噪音扰民", "摩托车炸街", "{compound}{building}号楼附近经常有人凌晨骑改装摩托车炸街，噪音特别大。", "已将线索转交交管部门，加强夜间巡查。"),

        // 垃圾分类
        new("垃圾分类", "垃圾桶站满溢", "{compound}{building}号楼旁边的垃圾桶站{days}没清运，垃圾满了溢出来，臭气熏天。", "已协调清运单位增加清运频次，桶站已清理。") { Weight = 1.5 },
        new("垃圾分类", "垃圾分类无人指导", "{compound}的垃圾分类桶站没有指导员，厨余垃圾和其他垃圾混在一起扔，分类形同虚设。", "已安排垃圾分类指导员早晚定时值守，并开展入户宣传。"),
        new("垃圾分类", "桶站位置不合理", "{compound}{building}号楼附近的垃圾桶站离单元门太近，气味很大，建议挪个位置。", "经征求居民意见，桶站已迁移至绿化带旁，并加装除臭设备。"),
        new("垃圾分类", "垃圾混装混运", "{compound}的清运车把居民分好类的垃圾混在一起拉走了，大家分类的积极性受打击。", "已约谈清运单位，要求分类收运，并加强监督。"),
        new("垃圾分类", "大件垃圾未清运", "{compound}{building}号楼下的旧沙发、床垫扔在桶站旁边{days}了，没人收。", "已预约大件垃圾清运，现场已清理。"),
        new("垃圾分类", "垃圾桶破损", "{compound}{building}号楼的厨余垃圾桶破了，桶盖也没有，汤汤水水流了一地。", "已更换新的分类垃圾桶，并清洗地面。"),
        new("垃圾分类", "定时投放时间不合理", "{compound}垃圾桶站定时投放的时间太短，上班族早上赶不上，希望延长投放时间。", "已调整桶站开放时间为早6点至9点、晚6点至9点，并设置误时投放点。"),

        // 停车管理
        new("停车管理", "车辆堵门", "{compound}{building}号楼单元门口被私家车堵住了，{when}救护车都开不进来，请管理一下。", "已联系车主挪车，并在单元门口施划禁停标线。"),
        new("停车管理", "私装地锁占车位", "{compound}{building}号楼下有人私装地锁占用公共车位，别人都停不了车。", "已督促物业拆除私装地锁，并规范停车秩序。"),
        new("停车管理", "僵尸车占位", "{compound}{building}号楼前有辆车{days}没动过，落满了灰，轮胎都瘪了，疑似僵尸车。", "已联系车主挪走车辆，无法联系的已张贴告知书并报交管部门处理。"),
        new("停车管理", "停车收费混乱", "{compound}停车费涨价没有公示，外来车辆随便进出，业主反而没地方停车。", "已督促物业公示停车收费标准，加强外来车辆管理。"),
        new("停车管理", "小区门口违停拥堵", "{compound}门口道路两侧违停严重，早晚高峰堵得走不动，希望加强管理。", "已联系交管部门加强巡查，违停车辆已处理。"),
        new("停车管理", "共享单车乱停", "{compound}{building}号楼前的通道被共享单车和电动车堆满了，人都过不去。", "已联系共享单车企业清运车辆，并划定停放区域。"),
        new("停车管理", "占位挪车", "{compound}{building}号楼前有一辆车挡住了我的车，车上留的电话打不通，着急上班，请帮忙联系车主挪车。", "已通过物业联系车主，车辆已挪走。") { Urgency = Urgency.High },
        new("停车管理", "车库道闸故障", "{compound}地下车库出入口的道闸坏了{days}，车辆进出要排长队。", "物业已维修道闸，车辆通行恢复正常。"),

        // 道路破损
        new("道路破损", "路面塌陷", "{compound}{building}号楼前的路面塌了一个大坑，{when}有电动车摔倒，请尽快修补。", "已设置警示围挡，养护单位已完成坑槽修补。"),
        new("道路破损", "人行道地砖松动", "{compound}东门外人行道的地砖松动翘起，下雨一踩溅一身泥水，老人容易绊倒。", "已更换松动地砖，消除绊倒隐患。"),
        new("道路破损", "道路开挖未恢复", "{compound}内部道路{days}前挖开铺管道，到现在还没恢复，坑坑洼洼的。", "已督促施工单位恢复路面。"),
        new("道路破损", "无障碍坡道破损", "{compound}{building}号楼旁边的无障碍坡道破损了，轮椅推不上去。", "已修复无障碍坡道并加装扶手。"),
        new("道路破损", "路面裂缝积水", "{compound}南门出口的马路裂缝很大，下雨积水，车辆经过溅到行人身上。", "已报道路养护单位铣刨重铺，路面恢复平整。"),
        new("道路破损", "台阶破损", "{compound}{building}号楼门前的台阶塌了一块，{when}有老人在那里摔了一跤。", "物业已修补台阶并加装防滑条。"),
        new("道路破损", "减速带损坏", "{compound}门口的减速带被压坏了，螺丝都露出来了，容易扎破轮胎。", "已更换损坏的减速带。"),

        // 邻里纠纷
        new("邻里纠纷", "楼道堆物邻里矛盾", "{compound}{building}号楼{entrance}单元{room}对门邻居在楼道里堆放鞋柜杂物，占用公共空间，沟通多次不听，希望社区调解。", "已组织双方调解，邻居同意清理楼道杂物。"),
        new("邻里纠纷", "楼上抛物纠纷", "{compound}{building}号楼{entrance}单元楼上住户往下扔烟头、倒水，我家晾的衣服被弄脏，对方不承认，请社区调解。", "网格员上门沟通，双方达成谅解，楼上住户承诺注意。"),
        new("邻里纠纷", "养犬纠纷", "{compound}{building}号楼邻居家养的狗整天叫，出门还不拴绳，吓到了小孩，协商无果，希望社区出面调解。", "已组织双方调解，养犬人承诺文明养犬、出门拴绳。"),
        new("邻里纠纷", "摄像头侵犯隐私", "{compound}{building}号楼{entrance}单元对门邻居在门口装了摄像头，正对着我家门，侵犯隐私，协商不成。", "经调解，邻居已调整摄像头角度。"),
        new("邻里纠纷", "圈地种菜纠纷", "{compound}{building}号楼一楼住户私自圈占门前公共绿地种菜，和邻居吵了好几次，请社区调解。", "已组织居民协商，公共绿地已恢复，矛盾已化解。"),
        new("邻里纠纷", "装修致损纠纷", "{compound}{building}号楼{entrance}单元楼上装修后我家墙面开裂，对方拒绝赔偿，希望社区组织调解。", "已联系人民调解员介入，双方签订调解协议，楼上住户赔偿维修费用。"),
        new("邻里纠纷", "空调滴水纠纷", "{compound}{building}号楼{room}楼上邻居家空调冷凝水一直滴到我家窗台，多次沟通无果，请社区调解。", "经调解，楼上住户已加装冷凝水管。"),
        new("邻里纠纷", "公共区域使用纠纷", "{compound}{building}号楼{entrance}单元几户邻居因为在楼道晾晒衣物、放自行车吵起来了，希望社区协调。", "网格员组织楼门议事会协商，制定了楼道公约。"),

        // 安全隐患
        new("安全隐患", "电动车入户充电", "{compound}{building}号楼{entrance}单元有人把电动车推进楼道充电，还从窗户私拉电线，很危险，请尽快处理。", "已劝导整改，拆除私拉电线，引导到集中充电桩充电。") { Season = Season.Heating, Weight = 1.2 },
        new("安全隐患", "电动车楼道充电", "{compound}{building}号楼楼道里停了好几辆电动车，晚上插着电充电，怕着火。", "已联合物业清理楼道电动车，并张贴消防安全提示。"),
        new("安全隐患", "燃气泄漏气味", "{compound}{building}号楼{entrance}单元楼道里闻到很浓的燃气味，不知道哪家漏气，请马上派人查看！", "已联系燃气公司抢修，关闭阀门排除险情，更换老化软管。") { Urgency = Urgency.Emergency, Weight = 0.2, Department = "D03" },
        new("安全隐患", "消防通道堵塞", "{compound}的消防通道被车辆和杂物长期占用，真有火情消防车根本进不来。", "已清理消防通道杂物，施划禁停标线。"),
        new("安全隐患", "消防设施失效", "{compound}{building}号楼楼道的消防栓没有水，灭火器都过期了，请检查。", "已督促物业更换过期灭火器并检修消防栓。"),
        new("安全隐患", "高空抛物", "{compound}{building}号楼{when}有人从楼上往下扔东西，差点砸到人，请查一下是哪一户。", "已调取监控锁定住户，上门警示教育。") { Department = "D03" },
        new("安全隐患", "外墙瓷砖脱落", "{compound}{building}号楼外墙瓷砖脱落，{when}掉下来一块砸坏了车，下面经常有人走，很危险。", "已设置警戒区，组织对外墙空鼓瓷砖进行排查清除。") { Urgency = Urgency.High },
        new("安全隐患", "枯树断枝隐患", "{compound}{building}号楼旁边的大树有一根枯枝断了，挂在电线上，随时可能掉下来。", "已联系园林部门修剪枯枝，隐患已消除。"),

        // 违章搭建
        new("违章搭建", "一楼私搭彩钢房", "{compound}{building}号楼一楼住户私自扩建院子，搭了一间彩钢房，占用公共绿地。", "城管执法队已现场核查，责令当事人限期拆除，违建已拆除。") { Department = "D01" },
        new("违章搭建", "楼顶违建阳光房", "{compound}{building}号楼顶层住户在楼顶私搭阳光房，影响楼体安全，其他住户也上不了楼顶。", "已立案调查并下达限期拆除通知书，违建已拆除。") { Department = "D01" },
        new("违章搭建", "违规外扩阳台", "{compound}{building}号楼{entrance}单元有住户在阳台外面加装铁架子和雨棚，伸出去很多，不安全。", "已责令住户拆除外扩铁架。") { Department = "D01" },
        new("违章搭建", "占道经营搭棚", "{compound}门口的商户占道经营，把摊位摆到人行道上还搭了棚子，行人只能走机动车道。", "城管执法队已依法拆除占道棚架，恢复人行道通行。") { Department = "D01" },
        new("违章搭建", "私搭简易房出租", "{compound}{building}号楼旁边有人圈地搭了几间简易房出租，住了好多人。", "已联合执法部门拆除违建简易房。") { Department = "D01" },
        new("违章搭建", "地下室违规隔断", "{compound}{building}号楼地下室被改成群租房，隔了很多小间，违规搭建隔断。", "已联合执法清理地下室群租，拆除违规隔断。") { Department = "D01" },
        new("违章搭建", "私砌杂物棚", "{compound}{building}号楼前有人用砖头水泥砌了一个棚子放杂物，占用公共通道。", "已劝导当事人自行拆除，通道已恢复。"),

        // 养老服务
        new("养老服务", "申请老年助餐", "我家老人住在{compound}{building}号楼，八十多岁独居，腿脚不好，想申请社区助餐服务，请问怎么办理？", "已为老人办理助餐登记，每天由养老驿站送餐上门。") { Department = "D04" },
        new("养老服务", "独居老人多日未出门", "{compound}{building}号楼{entrance}单元{room}住着一位独居老人，{days}没见他出门了，敲门也没人应，邻居们很担心。", "网格员已联系家属上门查看，老人身体无碍，已纳入定期探访名单。") { Urgency = Urgency.High },
        new("养老服务", "高龄津贴未发放", "我父亲住{compound}{building}号楼，今年满八十岁了，高龄津贴一直没有发下来，请帮忙查一下。", "已协助核查高龄津贴认证信息，补发款项已到账。") { Department = "D04" },
        new("养老服务", "申请适老化改造", "{compound}{building}号楼{entrance}单元{room}家里老人行动不便，想申请适老化改造，在卫生间装扶手，请社区上门评估。", "已上门评估并纳入适老化改造计划，扶手已安装。") { Department = "D04" },
        new("养老服务", "养老驿站助餐质量", "社区养老驿站的助餐{when}饭菜变差了，分量也少了，{compound}的老人意见很大。", "已约谈驿站运营方，调整菜品并增加分量。") { Department = "D04" },
        new("养老服务", "居家护理咨询", "我母亲住{compound}{building}号楼，失能卧床，想了解居家养老上门护理服务和补贴政策。", "已向家属讲解居家养老服务政策，并协助提交护理补贴申请。"),
        new("养老服务", "助老陪诊需求", "{compound}{building}号楼一位老人需要有人陪同去医院复查，子女都在外地，能否安排志愿者帮忙？", "已安排志愿者陪同老人就医。"),
        new("养老服务", "老年活动室未开放", "{compound}的老年活动室{days}都锁着门没开放，老人们没地方活动，希望尽快开放。", "老年活动室已恢复开放，并公布开放时间。"),

        // 供水供暖
        new("供水供暖", "突然停水", "{compound}{building}号楼{when}突然停水，没有任何通知，到现在还没来水，做饭都成问题。", "已协调自来水公司抢修，供水已恢复。") { Urgency = Urgency.High },
        new("供水供暖", "自来水浑浊异味", "{compound}{building}号楼{entrance}单元自来水发黄、有异味，{days}了，不敢喝，请检测水质。", "已清洗二次供水水箱并送检，水质检测合格。"),
        new("供水供暖", "水压不足", "{compound}{building}号楼水压太低，五六楼洗澡水都上不来，请检查二次供水设备。", "物业已检修二次供水加压泵，水压恢复正常。"),
        new("供水供暖", "供水管道爆裂", "{compound}{building}号楼前的供水管道爆了，水哗哗往外冒，路面都淹了，请马上处理！", "已关闭阀门抢修，更换爆裂管段，供水恢复。") { Urgency = Urgency.High, Weight = 0.4 },
        new("供水供暖", "暖气不热", "{compound}{building}号楼{entrance}单元{room}暖气不热，室温只有十五六度，家里有老人孩子，请尽快处理。", "已联系供热单位上门排查，清洗过滤器后室温达标。") { Season = Season.Heating, Weight = 3 },
        new("供水供暖", "暖气漏水", "{compound}{building}号楼{entrance}单元{room}暖气片漏水，地板都泡了，请供热单位上门维修。", "供热单位已更换漏水阀门。") { Season = Season.Heating, Urgency = Urgency.High, Weight = 1.5 },
        new("供水供暖", "暖气需放气", "{compound}{building}号楼{entrance}单元{room}暖气上热下不热，需要放气，请安排师傅上门。", "供热师傅已上门放气，暖气恢复正常。") { Season = Season.Heating, Weight = 2 },
        new("供水供暖", "未按时供暖", "已经到供暖时间了，{compound}{building}号楼的暖气还是凉的，请问什么时候能正常供暖？", "已联系供热单位，系统排气后已正常供暖。") { Season = Season.Heating, Weight = 1.5 },

        // 其他
        new("其他", "居住证明办理咨询", "想咨询一下{compound}所在社区怎么开居住证明，需要带哪些材料？", "已电话告知办理流程和所需材料。"),
        new("其他", "超市销售过期食品", "{compound}门口新开的一家超市卖过期食品，{when}买的牛奶过期了，商家不给退。", "市场监管所已检查该超市，下架过期食品，已为居民退款。") { Department = "D02" },
        new("其他", "预付卡商家跑路", "{compound}附近一家理发店办卡后突然关门，老板联系不上，很多居民卡里还有钱。", "市场监管所已立案调查，已联系店主协商退款。") { Department = "D02" },
        new("其他", "快递柜收费", "{compound}的快递柜收费太高，超时一会儿就收钱，希望社区协调。", "已与快递柜运营方沟通，延长免费存放时间。"),
        new("其他", "通信信号差", "{compound}{building}号楼的宽带和手机信号很差，{days}了，运营商一直不解决。", "已协调运营商增设信号设备，信号已改善。"),
        new("其他", "菜市场缺斤短两", "{compound}旁边菜市场的摊贩缺斤短两，{when}买的菜回家一称少了二两。", "市场监管所已检查市场计量器具，对违规摊贩进行处理。") { Department = "D02" },
        new("其他", "建议增设便民早餐点", "建议在{compound}附近增设便民早餐点，现在吃个早饭要走很远。", "已将建议纳入社区便民服务规划，正在对接商户。"),
        new("其他", "流浪猫聚集", "{compound}{building}号楼附近流浪猫越来越多，晚上叫得很凶，还抓伤了小孩。", "已联系动物保护组织进行救助和绝育处理。"),

        // 网格巡查: what grid members write on patrol.
        new("环境卫生", "巡查：杂物堆放", "巡查发现{compound}{building}号楼北侧堆放大量生活垃圾和杂物，影响环境，需清理。", "已联系物业清运杂物，现场已整洁。") { Channel = Channel.GridPatrol },
        new("环境卫生", "巡查：小广告", "巡查发现{compound}{building}号楼单元门和宣传栏张贴小广告，需清理。", "已清理小广告。") { Channel = Channel.GridPatrol },
        new("垃圾分类", "巡查：桶站分类不规范", "巡查发现{compound}{building}号楼桶站垃圾满溢，厨余桶内混有塑料袋，分类不规范。", "已督促清运并对桶站进行二次分拣，加强宣传指导。") { Channel = Channel.GridPatrol },
        new("市政设施", "巡查：井盖破损", "巡查发现{compound}门口一处井盖破损，已设置临时警示，需尽快更换。", "产权单位已更换井盖。") { Channel = Channel.GridPatrol },
        new("市政设施", "巡查：路灯损坏", "巡查发现{compound}{building}号楼旁路灯损坏不亮。", "已报修，路灯恢复照明。") { Channel = Channel.GridPatrol },
        new("道路破损", "巡查：路面破损", "巡查发现{compound}内{building}号楼前路面破损坑洼，存在安全隐患，需修补。", "已修补路面坑洼。") { Channel = Channel.GridPatrol },
        new("违章搭建", "巡查：新增违建", "巡查发现{compound}{building}号楼一层住户正在院内搭建彩钢板房，已现场劝阻，需执法部门介入。", "城管执法队已责令停止施工并拆除。") { Channel = Channel.GridPatrol, Department = "D01" },
        new("违章搭建", "巡查：楼顶违建", "巡查发现{compound}{building}号楼楼顶新增违建，疑似加盖房屋。", "已立案调查，违建已拆除。") { Channel = Channel.GridPatrol, Department = "D01" },
        new("安全隐患", "巡查：楼道充电", "巡查发现{compound}{building}号楼{entrance}单元楼道有电动车停放充电，存在消防隐患。", "已劝导车主将电动车移至集中充电点。") { Channel = Channel.GridPatrol },
        new("安全隐患", "巡查：消防通道占用", "巡查发现{compound}消防通道被车辆占用，已联系部分车主，仍有多辆未挪。", "已联系全部车主挪车，并施划禁停标线。") { Channel = Channel.GridPatrol },
        new("停车管理", "巡查：僵尸车", "巡查发现{compound}{building}号楼前有一辆长期停放的无牌车辆，疑似僵尸车。", "已张贴告知书，车辆已由交管部门拖移。") { Channel = Channel.GridPatrol },
        new("养老服务", "走访：独居老人需帮扶", "入户走访发现{compound}{building}号楼{entrance}单元{room}独居老人生活不便，需协调助餐和定期探访。", "已为老人办理助餐并纳入定期探访名单。") { Channel = Channel.GridPatrol },

        // 设备预警: text written by the camera, sensor and alarm platforms.
        new("安全隐患", "高空抛物预警", "【AI视频预警】{compound}{building}号楼检测到高空抛物行为，抛物楼层约{floor}层，请核查处置。", "已调取视频核实，对涉事住户进行警示教育。") { Channel = Channel.CameraAlert, Urgency = Urgency.High, Department = "D03" },
        new("安全隐患", "电动车进电梯预警", "【AI视频预警】{compound}{building}号楼{entrance}单元检测到电动车进入电梯，请核查处置。", "已联系物业劝导车主，并加装电梯阻车装置。") { Channel = Channel.CameraAlert },
        new("停车管理", "消防通道占用预警", "【AI视频预警】{compound}消防通道检测到车辆停留超过30分钟，请核查处置。", "已联系车主挪车。") { Channel = Channel.CameraAlert },
        new("环境卫生", "垃圾满溢预警", "【AI视频预警】{compound}{building}号楼桶站检测到垃圾满溢，请安排清运。", "已通知清运单位清运。") { Channel = Channel.CameraAlert },
        new("安全隐患", "翻越围墙预警", "【AI视频预警】{compound}{building}号楼周界检测到人员翻越围墙，请核查。", "已核实为居民抄近路，已加高围栏。") { Channel = Channel.CameraAlert, Urgency = Urgency.High },
        new("养老服务", "独居老人用水异常", "【智能水表预警】{compound}{building}号楼{entrance}单元{room}独居老人家中连续12小时无用水，请尽快上门探访。", "网格员已上门探访，老人外出就医，已联系家属确认安全。") { Channel = Channel.SensorAlert, Urgency = Urgency.High, Weight = 2 },
        new("供水供暖", "二次供水水压异常", "【物联感知预警】{compound}{building}号楼二次供水泵房出水压力异常，请核查。", "物业已检修加压泵。") { Channel = Channel.SensorAlert },
        new("电梯故障", "电梯运行异常停梯", "【电梯物联网预警】{compound}{building}号楼{entrance}单元电梯运行异常停梯，请安排维保核查。", "维保单位已到场检修，电梯恢复运行。") { Channel = Channel.SensorAlert },
        new("电梯故障", "电梯困人报警", "【电梯物联网预警】{compound}{building}号楼{entrance}单元电梯困人报警，请立即处置。", "维保人员已到场解困，人员安全。") { Channel = Channel.SensorAlert, Urgency = Urgency.Emergency, Weight = 0.3 },
        new("安全隐患", "烟感报警", "【烟感报警】{compound}{building}号楼{entrance}单元{room}烟感报警，请立即核实。", "网格员已上门核实，为居民做饭油烟触发，无火情。") { Channel = Channel.SensorAlert, Urgency = Urgency.High },
        new("安全隐患", "一键报警可疑人员", "【一键报警】{compound}{building}号楼{entrance}单元居民一键报警，称楼道有可疑人员，请立即核实。", "网格员会同民警到场核实，已排除险情。") { Channel = Channel.Alarm, Urgency = Urgency.High, Department = "D03" },
        new("养老服务", "老人紧急呼叫", "【一键呼叫】{compound}{building}号楼{entrance}单元{room}老人触发紧急呼叫，疑似摔倒，请立即上门。", "网格员已上门，协助送医并联系家属。") { Channel = Channel.Alarm, Urgency = Urgency.Emergency },
    ];

    private static readonly string[] WhenPhrases = ["昨天晚上", "今天早上", "这两天", "最近", "前天", "今天下午", "上周", "这几天", "昨天"];
    private static readonly string[] DaysPhrases = ["两三天", "好几天", "一个星期", "半个月", "十来天", "三天", "快一个月", "四五天"];

    /// <summary>How each channel wraps a resident's words: the 12345 platform writes 来电人反映, a resident just writes.</summary>
    private static (string[] Prefixes, string[] Suffixes) Wording(Channel channel) => channel switch
    {
        Channel.Hotline12345 => (["市民来电反映：", "来电人反映：", "市民反映：", "来电反映："], ["望尽快处理。", "请相关部门核实处理。", "诉求：请尽快解决。", "来电人希望尽快解决。", ""]),
        Channel.MiniProgram => ([""], ["", "", "谢谢！", "麻烦尽快处理，谢谢。", "希望尽快解决。", "急！"]),
        Channel.PhotoReport => (["", "随手拍："], ["见照片。", "附照片，请处理。", ""]),
        Channel.PropertyButler => (["业主反映：", "管家接报：业主反映"], ["", "已登记，请派单处理。"]),
        Channel.Hotline400 => (["业主来电报修：", "业主来电："], ["", "请尽快安排。"]),
        Channel.Reception => (["民意接待日居民反映：", "流动办公桌接待，居民反映："], ["", "已当面登记。"]),
        Channel.GridPatrol or Channel.CameraAlert or Channel.SensorAlert or Channel.Alarm or Channel.Proactive => ([""], [""]),
    };

    private static readonly string[] Openers = ["", "", "", "", "您好，", "你好，", "我是{compound}的居民，", "我是{building}号楼的住户，"];
    private static readonly string[] Closers = ["", "", "", "", "已经反映过好几次了。", "希望有关部门重视。", "周围邻居意见都很大。"];

    private static readonly (string Phrase, string[] Alternatives)[] Synonyms =
    [
        ("请尽快", ["麻烦尽快", "希望尽快"]),
        ("很危险", ["非常危险", "太危险了"]),
        ("没人", ["没有人"]),
        ("好几次", ["多次", "好多次"]),
        ("很大", ["特别大", "非常大"]),
        ("很差", ["特别差", "太差了"]),
        ("请社区调解", ["希望社区帮忙调解", "请社区出面协调"]),
        ("严重影响", ["非常影响", "已经影响到"]),
    ];

    private static readonly string[] UrgentPhrases = ["情况比较紧急，请尽快处理！", "家里有老人孩子，非常着急。", "已经严重影响生活，请马上派人来看看。", "很急，麻烦尽快！"];
    private static readonly string[] CalmPhrases = ["不着急，方便的时候处理一下就行。", "只是提个建议，有空再安排。", "不是急事，希望能安排处理。"];
    private static readonly string[] PatrolUrgentPhrases = ["存在较大风险，需立即处置。", "情况紧急，请尽快派人。"];
    private static readonly string[] PatrolCalmPhrases = ["不影响通行，可择期处理。", "问题较轻，列入日常整改。"];

    private static readonly string[] PositiveComments =
        ["处理很及时，满意。", "网格员态度很好，谢谢！", "问题解决了，感谢社区。", "速度很快，点赞。", "上门很及时，谢谢。", "解决得很好。"];

    private static readonly string[] BasicComments = ["基本解决了，但时间有点长。", "处理了，不过还要再观察。", "还行，希望以后多巡查。"];

    private static readonly string[] NegativeComments =
        ["问题根本没解决，只是来看了一眼。", "拖了这么久才处理，不满意。", "答复敷衍，问题依旧。", "修完没两天又坏了。", "没有人联系我，就说办结了。"];

    private static readonly string[] PositiveFollowUps =
        ["电话回访，居民对处理结果表示满意。", "回访：问题已解决，居民满意。", "已电话回访，居民确认问题已解决。", "上门回访，居民认可处理结果。"];

    private static readonly string[] NegativeFollowUps =
        ["已电话回访并解释说明，问题涉及多方责任，已纳入社区台账持续跟进。", "回访：居民仍有意见，已说明处理情况和后续安排。", "已回访，问题需纳入明年改造计划，已向居民解释。"];

    private static readonly string[] ReopenReasons = ["居民评价问题未解决，退回重新办理。", "回访发现问题仍然存在，重新办理。"];

    private static readonly string[] ExtensionReasons =
        ["需要等待配件到货，申请延期。", "涉及施工维修，需协调施工队，申请延期。", "需征求业主意见使用维修基金，申请延期。", "天气原因暂时无法施工，申请延期。"];

    private static readonly string[] SuperviseNotes = ["该工单已超时限，请尽快办理并反馈结果。", "居民多次来电催办，请加快办理进度。", "督办：请于今日内反馈办理情况。"];

    private static readonly string[] EscalateReasons = ["涉及多个产权单位，网格协调不了，上报社区协调。", "需要社区出面组织多方协商，逐级上报。"];

    private static readonly string[] CancelReasons = ["问题已自行解决，撤回诉求。", "已与对方协商解决，撤销工单。"];

    // 百家姓 in rough order of frequency: earlier names are drawn more often.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯", "龙",
        "史", "陶", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔", "汤",
    ];

    // Given names follow the fashion of the decade people were born in.
    private static readonly string[] ElderMaleNames =
    [
        "建国", "建华", "国强", "国庆", "志明", "德明", "振华", "福生", "永福", "国华", "德胜", "文华", "玉林", "宝山", "长林",
        "金生", "树林", "广才", "春生", "长顺", "世杰", "志刚", "卫国", "建民", "富贵", "有才", "刚", "强", "明", "华", "斌", "平",
    ];

    private static readonly string[] ElderFemaleNames =
    [
        "秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍", "秀珍", "淑兰", "凤兰", "素芳", "翠兰", "桂芝", "玉梅",
        "秀芳", "淑英", "桂珍", "兰英", "玉芬", "凤琴", "金凤", "桂香", "玉华", "素英", "英", "兰", "珍", "芳", "梅",
    ];

    private static readonly string[] MiddleMaleNames =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "鹏", "海涛", "建军", "志刚", "晓东", "立新", "俊杰", "宏伟",
        "海波", "志勇", "建伟", "东升", "文斌", "永强", "晓峰", "红军", "卫东", "浩", "斌", "亮",
    ];

    private static readonly string[] MiddleFemaleNames =
    [
        "丽", "静", "敏", "燕", "艳", "娟", "霞", "丽娟", "海燕", "秀梅", "晓燕", "红梅", "慧", "婷", "雪梅", "晓红", "丽华",
        "春梅", "丽萍", "晓丽", "红霞", "玉洁", "彩霞", "雪", "颖", "琳",
    ];

    private static readonly string[] YoungMaleNames =
    [
        "浩然", "子轩", "宇航", "浩宇", "俊熙", "一鸣", "子豪", "皓轩", "博文", "梓豪", "天佑", "宇轩", "嘉豪", "明轩", "思远",
        "泽宇", "浩", "杰", "睿", "鑫", "晨", "阳",
    ];

    private static readonly string[] YoungFemaleNames =
    [
        "欣怡", "梓涵", "雨欣", "思雨", "佳怡", "子涵", "诗涵", "梦瑶", "婷婷", "雅琪", "可馨", "一诺", "雨涵", "佳琪", "欣然",
        "语桐", "梦琪", "悦", "琪", "萱",
    ];

    // Mainland mobile prefixes of the three carriers (13x, 15x, 18x).
    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
        "158", "159", "180", "181", "182", "183", "185", "186", "187", "188", "189",
    ];
}
