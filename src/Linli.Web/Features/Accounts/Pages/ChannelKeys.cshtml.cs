using Linli.Domain.WorkOrders;
using Linli.Web.Resources;
using Linli.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Web.Features.Accounts.Pages;

/// <summary>渠道接口密钥 (Admin): the same <see cref="ChannelApiKeysHandler"/> as <c>/api/v1/admin/channel-keys</c>; a new key is shown once.</summary>
public sealed class ChannelKeysModel(ChannelApiKeysHandler keys, IStringLocalizer<ErrorMessages> errors) : PageModel
{
    public List<ChannelApiKeySummary> Keys { get; private set; } = [];
    public CreatedChannelApiKey? Created { get; private set; }
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, Channel channel, CancellationToken ct)
    {
        var result = await keys.CreateAsync(new CreateChannelApiKeyRequest(name, channel, null), ct);
        if (result.IsSuccess)
        {
            Created = result.Value;
        }
        else
        {
            ErrorMessage = errors.ErrorText(result.Error!.Code);
        }
        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await keys.RevokeAsync(id, ct);
        if (!result.IsSuccess)
        {
            TempData["FlashError"] = errors.ErrorText(result.Error!.Code);
        }
        return RedirectToPage();
    }
}
