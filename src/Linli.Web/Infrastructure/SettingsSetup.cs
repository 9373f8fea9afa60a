namespace Linli.Web.Infrastructure;

public static class SettingsSetup
{
    /// <summary>
    /// `dotnet run --project src/Linli.Web` from the repository root makes the root the content root (so that ./data is
    /// there), where no appsettings.json lies. The host's own settings files, copied next to the binaries, are then added
    /// first, below environment variables and the command line, exactly where the content-root files would have been.
    /// </summary>
    public static WebApplicationBuilder AddLinliSettingsFromAppDirectory(this WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return builder;
        }
        var sources = builder.Configuration.Sources;
        var environment = builder.Environment.EnvironmentName;
        // An explicit file provider: a source without one would resolve against the content root again.
        var directory = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory);
        var files = new ConfigurationBuilder()
            .AddJsonFile(directory, "appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile(directory, $"appsettings.{environment}.json", optional: true, reloadOnChange: false);
        for (var i = files.Sources.Count - 1; i >= 0; i--)
        {
            sources.Insert(0, files.Sources[i]);
        }
        return builder;
    }
}
