using Linli.Web.Features.Classification;
using Linli.Web.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linli.Cli.Commands;

/// <summary>
/// <c>classifier retrain [category|urgency]</c>: retrains from the site's own orders in the configured database, evaluates
/// on the newest fifth, and activates the new model only if it is not worse (the same as the admin API and the weekly job).
/// </summary>
internal static class RetrainCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var target = args.FirstOrDefault() ?? ActiveClassifier.CategoryTarget;
        if (target is not (ActiveClassifier.CategoryTarget or ActiveClassifier.UrgencyTarget))
        {
            Console.Error.WriteLine("usage: classifier retrain [category|urgency]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddLinliPersistence();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ActiveClassifier>();
        builder.Services.AddScoped<TrainClassifierHandler>();
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var model = await scope.ServiceProvider.GetRequiredService<TrainClassifierHandler>().RetrainAsync(target, CancellationToken.None);
        if (model is null)
        {
            Console.Error.WriteLine("Not enough labelled history to train (see Linli__Classification__MinExamples).");
            return 1;
        }
        Console.WriteLine($"{model.Version}: trained on {model.TrainingSize} orders in {model.TrainingSeconds:0.0} s; held-out ({model.HeldOutSize}) macro-F1 {model.MacroF1:0.0000}");
        Console.WriteLine(model.Decision);
        return 0;
    }
}
