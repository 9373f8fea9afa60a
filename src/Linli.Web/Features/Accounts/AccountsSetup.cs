using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Linli.Web.Infrastructure;
using Linli.Web.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.Accounts;

/// <summary>
/// Sign-in for three kinds of caller: people in the browser (cookie), API clients (bearer token from /auth/login),
/// and channel integrations (X-Api-Key). One policy scheme picks the right one per request.
/// </summary>
public static class AccountsSetup
{
    public const string Scheme = "Linli";
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";

    public static class Policies
    {
        public const string Staff = nameof(Staff);
        public const string Admin = nameof(Admin);
        public const string Signed = nameof(Signed);
    }

    public static WebApplicationBuilder AddLinliAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDataProtection()
            .SetApplicationName("Linli")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(DataDirectory.Resolve(builder.Configuration), "keys")));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = SelectScheme)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "linli.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API call without a session is a 401/403, never a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyScheme, null);

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<LinliDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<LinliClaimsPrincipalFactory>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Signed, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Staff, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Staff))
            .AddPolicy(Policies.Admin, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Admin));

        services.AddReferenceSnapshot<ChannelKeyRing>();
        services.AddScoped<CallerFactory>();
        services.AddScoped<LoginHandler>();
        services.AddScoped<ChannelApiKeysHandler>();
        return builder;
    }

    private static string SelectScheme(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyHeader))
        {
            return ApiKeyScheme;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
    }

    private static Task ApiOr(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static string HashApiKey(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>Adds the display name to the principal so that history entries can say who acted.</summary>
public sealed class LinliClaimsPrincipalFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("display_name", string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}

/// <summary>
/// Authenticates channel integrations by their API key (only its hash is stored; revoked keys fail). Keys are looked up
/// in the <see cref="ChannelKeyRing"/>, so that a channel's requests cost no query.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ChannelKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[AccountsSetup.ApiKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = AccountsSetup.HashApiKey(key.Trim());
        var found = await keys.FindAsync(hash, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, found.Id.ToString()),
            new(ClaimTypes.Name, found.Name),
            new("display_name", found.Name),
            new(ClaimTypes.Role, "Channel"),
            new(CallerFactory.ApiKeyIdClaim, found.Id.ToString()),
            new(CallerFactory.ChannelClaim, found.Channel.ToString()),
            .. found.AreaUnitId is { } area ? [new Claim(CallerFactory.AreaClaim, area.ToString())] : Array.Empty<Claim>(),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }
}
