using Linli.Web.Features.Accounts;
using Linli.Web.Features.Analytics;
using Linli.Web.Features.Categories;
using Linli.Web.Features.Classification;
using Linli.Web.Features.Dispatch;
using Linli.Web.Features.Grids;
using Linli.Web.Features.HistoryImport;
using Linli.Web.Features.Intake;
using Linli.Web.Features.Notifications;
using Linli.Web.Features.Prevention;
using Linli.Web.Features.Reports;
using Linli.Web.Features.Sla;
using Linli.Web.Features.Units;
using Linli.Web.Features.WorkOrders;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Linli.Web.Shared;

var builder = WebApplication.CreateBuilder(args);

builder.AddLinliSettingsFromAppDirectory();
builder.AddLinliPersistence();
builder.AddLinliAccounts();
builder.AddLinliErrors();
builder.AddLinliJson();
builder.AddLinliLocalization();
builder.AddLinliFeatures();
builder.AddLinliPages();
builder.Services.AddOpenApi();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseLinliErrors();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();

var api = app.MapGroup("/api/v1");
api.MapAccounts();
api.MapWorkOrders();
api.MapIntake();
api.MapCategories();
api.MapUnits();
api.MapSla();
api.MapWorkOrderSla();
api.MapNotifications();
api.MapAnalytics();
api.MapGrids();
api.MapDispatch();
app.MapLinliPages();
api.MapClassification();
api.MapPrevention();
api.MapReports();
api.MapHistoryImport();

await app.RunAsync();

/// <summary>The host's entry point; public so that WebApplicationFactory can start it in tests.</summary>
public partial class Program;
