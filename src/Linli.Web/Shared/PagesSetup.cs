using System.Text.Encodings.Web;
using System.Text.Unicode;
using Linli.Web.Features.Accounts;
using Linli.Web.Features.Dashboard;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

namespace Linli.Web.Shared;

/// <summary>
/// The pages: Razor Pages that live in <c>Features/&lt;Area&gt;/Pages/</c> (routes set by each page's <c>@page "/..."</c>),
/// layouts and partials in <c>Shared/</c>, the dashboard's SignalR hub, and the static files the build copies from npm.
/// </summary>
public static class PagesSetup
{
    public static WebApplicationBuilder AddLinliPages(this WebApplicationBuilder builder)
    {
        // Serve wwwroot of the project when running from the build output (dotnet run, tests), not only in Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Same rules as the API: staff pages need a staff role, administration the Admin role, the rest a sign-in.
            o.Conventions.AuthorizeFolder("/", AccountsSetup.Policies.Signed);
            o.Conventions.AuthorizeFolder("/WorkOrders/Pages", AccountsSetup.Policies.Staff);
            o.Conventions.AuthorizeFolder("/Dashboard/Pages", AccountsSetup.Policies.Staff);
            o.Conventions.AuthorizePage("/Accounts/Pages/Admin", AccountsSetup.Policies.Admin);
            o.Conventions.AuthorizePage("/Accounts/Pages/ChannelKeys", AccountsSetup.Policies.Admin);
            o.Conventions.AuthorizeFolder("/Categories/Pages", AccountsSetup.Policies.Admin);
            o.Conventions.AuthorizeFolder("/Dispatch/Pages", AccountsSetup.Policies.Admin);
            o.Conventions.AuthorizeFolder("/Grids/Pages", AccountsSetup.Policies.Admin);
            o.Conventions.AllowAnonymousToPage("/Accounts/Pages/Login");
        });
        builder.Services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension));
        // Chinese text stays readable in the HTML instead of becoming numeric character references.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IWorkOrderEvents, WorkOrderEvents>();
        builder.Services.AddScoped<GetDashboardHandler>();
        builder.Services.AddScoped<Features.WorkOrders.Pages.QueueQuery>();
        builder.Services.AddScoped<Features.WorkOrders.Pages.DueWorkOrdersQuery>();
        builder.Services.AddScoped<Features.WorkOrders.Pages.WorkOrderExport>();
        builder.Services.AddSingleton<Features.WorkOrders.Pages.PdfPrinter>();
        return builder;
    }

    public static WebApplication MapLinliPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHub<DashboardHub>("/hubs/dashboard").RequireAuthorization(AccountsSetup.Policies.Staff);
        app.MapGet("/", (HttpContext context) => Results.Redirect(
            context.User.IsInRole(Roles.Resident) && !Roles.Staff.Any(context.User.IsInRole) ? "/h5" : "/console"));
        return app;
    }
}
