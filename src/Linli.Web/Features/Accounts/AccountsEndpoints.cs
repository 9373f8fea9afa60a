using Linli.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Features.Accounts;

public static class AccountsEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");
        auth.MapPost("/login", async (LoginRequest request, LoginHandler handler, HttpContext context) =>
        {
            var result = await handler.HandleAsync(request);
            // The bearer handler writes { tokenType, accessToken, expiresIn, refreshToken }.
            return result.IsSuccess
                ? Results.SignIn(result.Value, authenticationScheme: IdentityConstants.BearerScheme)
                : result.Error!.ToProblem(context);
        }).AllowAnonymous();

        api.MapGet("/me", GetMe.HandleAsync).WithTags("Accounts").RequireAuthorization(AccountsSetup.Policies.Signed);

        var keys = api.MapGroup("/admin/channel-keys").WithTags("Accounts").RequireAuthorization(AccountsSetup.Policies.Admin);
        keys.MapGet("/", (ChannelApiKeysHandler handler, CancellationToken ct) => handler.ListAsync(ct));
        keys.MapPost("/", async (CreateChannelApiKeyRequest request, ChannelApiKeysHandler handler, HttpContext context, CancellationToken ct) =>
        {
            var result = await handler.CreateAsync(request, ct);
            return result.IsSuccess
                ? Results.Created($"/api/v1/admin/channel-keys/{result.Value.Id}", result.Value)
                : result.Error!.ToProblem(context);
        });
        keys.MapPost("/{id:guid}/revoke", async (Guid id, ChannelApiKeysHandler handler, HttpContext context, CancellationToken ct) =>
            (await handler.RevokeAsync(id, ct)).ToHttp(context));
        return api;
    }
}
