using Linli.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Linli.Web.Features.Accounts;

public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>Checks a user name and password (with lockout) and returns the principal to sign in with.</summary>
public sealed class LoginHandler(UserManager<User> users, SignInManager<User> signIn)
{
    public static readonly Error InvalidCredentials = Error.Validation("Auth.InvalidCredentials");
    public static readonly Error LockedOut = Error.Forbidden("Auth.LockedOut");

    public async Task<Result<System.Security.Claims.ClaimsPrincipal>> HandleAsync(LoginRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return InvalidCredentials;
        }
        var user = await users.FindByNameAsync(request.UserName.Trim());
        if (user is null)
        {
            return InvalidCredentials;
        }
        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return LockedOut;
        }
        if (!check.Succeeded)
        {
            return InvalidCredentials;
        }
        return await signIn.CreateUserPrincipalAsync(user);
    }
}
