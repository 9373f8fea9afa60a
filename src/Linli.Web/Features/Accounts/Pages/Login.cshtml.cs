using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Features.Accounts.Pages;

/// <summary>Sign-in for people in the browser: the same <see cref="LoginHandler"/> as the API, then the session cookie.</summary>
public sealed class LoginModel(LoginHandler login, IStringLocalizer<ErrorMessages> errors) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await login.HandleAsync(new LoginRequest(UserName, Password));
        if (!result.IsSuccess)
        {
            ErrorMessage = errors.ErrorText(result.Error!.Code);
            return Page();
        }
        var principal = result.Value;
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, principal);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }
        return LocalRedirect(principal.IsStaff() ? "/console" : "/h5");
    }
}
