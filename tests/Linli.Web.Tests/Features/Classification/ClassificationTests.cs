using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Linli.Web.Tests.Features.Classification;

/// <summary>Cold start: no history yet, so the editable keyword rules classify; people correct, and corrections become labels.</summary>
public class ClassificationTests(LinliApp app) : IClassFixture<LinliApp>
{
    [Fact]
    public async Task A_clear_request_is_classified_on_intake_and_danger_words_raise_its_urgency()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "电梯困人了！3号楼电梯突然停运，里面有人" });

        order.GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0103"));
        order.Str("urgency").ShouldBe("Emergency");
        var categorize = order.GetProperty("history").EnumerateArray().Single(h => h.Str("trigger") == "Categorize");
        categorize.Str("actor").ShouldBe("智能分类");
        categorize.Str("comment").ShouldContain("置信度");
        categorize.Str("comment").ShouldContain("电梯困人");
    }

    [Fact]
    public async Task A_request_nobody_can_classify_waits_in_the_triage_queue()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "想咨询一下社区办事的时间安排" });
        order.Str("status").ShouldBe("Received");
        order.GetProperty("categoryId").ValueKind.ShouldBe(JsonValueKind.Null);

        var triage = await (await app.As("dispatcher")).GetJsonAsync("/api/v1/triage?pageSize=200");
        var item = triage.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == order.Str("id"));
        item.GetProperty("suggestion").Str("source").ShouldBe("None");
        item.GetProperty("reason").Str("code").ShouldBe("NoCategory");
    }

    [Fact]
    public async Task An_ambiguous_request_is_left_to_a_person_with_the_candidates_ranked()
    {
        // One keyword of 物业管理 and one of 噪音扰民: a tie, below the threshold.
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "物业对楼下的噪音不管" });
        order.GetProperty("categoryId").ValueKind.ShouldBe(JsonValueKind.Null);

        var triage = await (await app.As("dispatcher")).GetJsonAsync("/api/v1/triage?pageSize=200");
        var item = triage.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == order.Str("id"));
        item.GetProperty("reason").Str("code").ShouldBe("LowConfidence");
        var suggestion = item.GetProperty("suggestion");
        suggestion.Str("source").ShouldBe("Keywords");
        var names = suggestion.GetProperty("candidates").EnumerateArray().Select(c => c.Str("categoryName")).ToList();
        names.ShouldBe(["物业管理", "噪音扰民"], ignoreOrder: true);
        suggestion.GetProperty("candidates").EnumerateArray().ShouldAllBe(c => c.GetProperty("confidence").GetDouble() < 0.6);
    }

    [Fact]
    public async Task A_dispatchers_correction_is_recorded_in_history_and_kept_as_a_training_label()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "物业对楼下的噪音不管，晚上十二点还在装修" });
        var dispatcher = await app.As("dispatcher");

        var corrected = await (await dispatcher.PostAsJsonAsync($"/api/v1/work-orders/{order.Str("id")}/categorize",
            new { categoryId = LinliApp.CategoryId("0202"), urgency = "High", note = "夜间装修噪音" })).ShouldBeAsync(HttpStatusCode.OK);

        corrected.GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0202"));
        corrected.Str("urgency").ShouldBe("High");
        var last = corrected.GetProperty("history").EnumerateArray().Last();
        last.Str("trigger").ShouldBe("Categorize");
        last.Str("actor").ShouldBe("王调度");
        var label = await app.WithDbAsync(db => Task.FromResult(db.TrainingLabels.Single(l => l.WorkOrderId == order.GetProperty("id").GetGuid())));
        label.CategoryId.ShouldBe(LinliApp.CategoryId("0202"));
        label.Source.ShouldBe("Correction");
    }

    [Fact]
    public async Task A_suggestion_needs_a_text()
    {
        var response = await (await app.As("dispatcher")).PostAsJsonAsync("/api/v1/classification/suggest", new { title = "电梯" });
        (await response.ShouldBeAsync(HttpStatusCode.BadRequest)).Str("code").ShouldBe("WorkOrder.DescriptionRequired");
    }

    [Fact]
    public async Task Categorize_is_for_staff_and_needs_a_known_category()
    {
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "随便说说" });
        (await (await app.As("resident")).PostAsJsonAsync($"/api/v1/work-orders/{order.Str("id")}/categorize", new { categoryId = LinliApp.CategoryId("0202") }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await (await app.As("dispatcher")).PostAsJsonAsync($"/api/v1/work-orders/{order.Str("id")}/categorize", new { categoryId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "WorkOrder.UnknownCategory");
    }

    [Fact]
    public async Task Keyword_rules_are_edited_by_administrators_and_take_effect_at_once()
    {
        var admin = await app.As("admin");
        (await (await app.As("dispatcher")).GetAsync("/api/v1/admin/classifier/keywords")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var rule = await (await admin.PostAsJsonAsync("/api/v1/admin/classifier/keywords",
            new { categoryId = LinliApp.CategoryId("0501"), keywords = "四点钟课堂，托管" })).ShouldBeAsync(HttpStatusCode.OK);
        rule.Str("keywords").ShouldBe("四点钟课堂,托管");

        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "孩子放学后的托管问题" });
        order.GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0501"));

        (await admin.DeleteAsync($"/api/v1/admin/classifier/keywords/{rule.Str("id")}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/v1/admin/classifier/keywords/{rule.Str("id")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "KeywordRule.NotFound");
    }

    [Fact]
    public async Task Retraining_without_enough_history_says_so()
    {
        var response = await (await app.As("admin")).PostAsJsonAsync("/api/v1/admin/classifier/retrain", new { target = "category" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "Classifier.NotEnoughHistory");
        await (await (await app.As("admin")).PostAsJsonAsync("/api/v1/admin/classifier/retrain", new { target = "colour" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Classifier.UnknownTarget");
    }

    [Fact]
    public async Task A_three_level_taxonomy_is_imported_from_csv_once()
    {
        var admin = await app.As("admin");
        const string csv = "level1,level2,level3\n城乡建设,城市建设和市政管理,小区管理\n城乡建设,城市建设和市政管理,\"市政设施,维护\"\n劳动和社会保障,养老保险,\n";

        var first = await (await admin.PostAsync("/api/v1/admin/categories/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ShouldBeAsync(HttpStatusCode.OK);
        var second = await (await admin.PostAsync("/api/v1/admin/categories/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).ShouldBeAsync(HttpStatusCode.OK);

        first.GetProperty("created").GetInt32().ShouldBe(5); // 城市建设和市政管理, 小区管理, 市政设施,维护, 劳动和社会保障, 养老保险 (城乡建设 exists)
        second.GetProperty("created").GetInt32().ShouldBe(0);
        var categories = (await admin.GetJsonAsync("/api/v1/categories")).EnumerateArray().ToList();
        var leaf = categories.Single(c => c.Str("name") == "小区管理");
        leaf.GetProperty("level").GetInt32().ShouldBe(3);
        categories.Single(c => c.Str("name") == "市政设施,维护").GetProperty("level").GetInt32().ShouldBe(3);
        (await (await app.As("dispatcher")).PostAsync("/api/v1/admin/categories/import", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>With history: the demo trains a model from its own orders on first start; retraining keeps a registry.</summary>
public class ClassifierRegistryTests(LinliAppWithHistory app) : IClassFixture<LinliAppWithHistory>
{
    [Fact]
    public async Task The_demo_starts_with_an_active_model_trained_on_its_own_orders()
    {
        var models = await (await app.As("admin")).GetJsonAsync("/api/v1/admin/classifier/models");
        var active = models.EnumerateArray().Single(m => m.Str("target") == "category" && m.GetProperty("isActive").GetBoolean());
        active.GetProperty("trainingSize").GetInt32().ShouldBeGreaterThan(100);
        active.GetProperty("macroF1").GetDouble().ShouldBeInRange(0.5, 1.0);
    }

    [Fact]
    public async Task Retraining_keeps_every_model_and_an_older_one_can_be_reactivated()
    {
        var admin = await app.As("admin");
        var before = (await admin.GetJsonAsync("/api/v1/admin/classifier/models")).EnumerateArray()
            .Single(m => m.Str("target") == "category" && m.GetProperty("isActive").GetBoolean());
        app.AdvanceTime(TimeSpan.FromMinutes(1));

        var retrained = await (await admin.PostAsJsonAsync("/api/v1/admin/classifier/retrain", new { target = "category" })).ShouldBeAsync(HttpStatusCode.OK);

        // Same data, same seed: the new model is exactly as good, and "not worse" activates it.
        retrained.GetProperty("macroF1").GetDouble().ShouldBe(before.GetProperty("macroF1").GetDouble(), 1e-9);
        retrained.GetProperty("baselineMacroF1").GetDouble().ShouldBe(before.GetProperty("macroF1").GetDouble(), 1e-9);
        retrained.GetProperty("isActive").GetBoolean().ShouldBeTrue();

        var rolledBack = await (await admin.PostAsync($"/api/v1/admin/classifier/models/{before.Str("id")}/activate", null)).ShouldBeAsync(HttpStatusCode.OK);
        rolledBack.GetProperty("isActive").GetBoolean().ShouldBeTrue();
        var models = (await admin.GetJsonAsync("/api/v1/admin/classifier/models")).EnumerateArray().Where(m => m.Str("target") == "category").ToList();
        models.Count(m => m.GetProperty("isActive").GetBoolean()).ShouldBe(1);
        models.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_model_classifies_a_request_in_the_words_of_the_site()
    {
        var suggestion = await (await (await app.As("dispatcher")).PostAsJsonAsync("/api/v1/classification/suggest",
            new { description = "楼上卫生间漏水，我家天花板一直在滴水，墙面都渗湿了" })).ShouldBeAsync(HttpStatusCode.OK);
        suggestion.Str("source").ShouldBe("Model");
        suggestion.GetProperty("candidates")[0].GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0102"));
    }

    [Fact]
    public async Task Where_the_model_is_unsure_the_keywords_of_one_category_decide()
    {
        // 邻居, 吵架: only 邻里纠纷's keywords; the model, trained on the demo's few neighbour disputes, is unsure.
        const string text = "楼下邻居天天吵架，影响我们生活";
        var suggestion = await (await (await app.As("dispatcher")).PostAsJsonAsync("/api/v1/classification/suggest",
            new { description = text })).ShouldBeAsync(HttpStatusCode.OK);
        suggestion.Str("source").ShouldBe("ModelAndKeywords");
        suggestion.Str("modelVersion").ShouldStartWith("category-");
        var candidates = suggestion.GetProperty("candidates").EnumerateArray().ToList();
        candidates[0].GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0401"));
        candidates[0].GetProperty("confidence").GetDouble().ShouldBeGreaterThanOrEqualTo(0.6);
        candidates.Skip(1).ShouldAllBe(c => c.GetProperty("confidence").GetDouble() < 0.6);

        var order = await (await app.As("resident")).SubmitOkAsync(new { description = text });
        order.GetProperty("categoryId").GetGuid().ShouldBe(LinliApp.CategoryId("0401"));
        order.GetProperty("history").EnumerateArray().Single(h => h.Str("trigger") == "Categorize").Str("comment")
            .ShouldContain("关键词规则，模型 category-");
    }

    [Fact]
    public async Task Where_the_model_is_unsure_and_keywords_of_several_categories_match_a_person_decides()
    {
        // 邻居 (邻里纠纷) and 加盖 (违章搭建): no sole keyword category; the model's unsure ranking waits in triage.
        var order = await (await app.As("resident")).SubmitOkAsync(new { description = "邻居在楼顶加盖" });
        order.Str("status").ShouldBe("Received");
        order.GetProperty("categoryId").ValueKind.ShouldBe(JsonValueKind.Null);

        var triage = await (await app.As("dispatcher")).GetJsonAsync("/api/v1/triage?pageSize=200");
        var item = triage.GetProperty("items").EnumerateArray().Single(i => i.Str("id") == order.Str("id"));
        item.GetProperty("reason").Str("code").ShouldBe("LowConfidence");
        item.GetProperty("suggestion").Str("source").ShouldBe("Model");
        item.GetProperty("suggestion").GetProperty("candidates").EnumerateArray().ShouldAllBe(c => c.GetProperty("confidence").GetDouble() < 0.6);
    }
}
