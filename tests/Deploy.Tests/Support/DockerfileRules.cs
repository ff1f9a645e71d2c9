using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NasOrleans.Deploy.Tests.Support;

/// <summary>
/// What every application Dockerfile of deploy/images must do: build stages on ARG base images whose defaults are
/// Microsoft's (so that it builds anywhere; build.sh overrides them with local bases), a final stage that runs as uid
/// 10001 with a WORKDIR and a /data volume, TorchSharp's native fix applied at build time, and an exec-form
/// ENTRYPOINT naming the published project's own assembly.
/// </summary>
public static partial class DockerfileRules
{
    /// <summary>The SDK image the build stages default to.</summary>
    public const string OfficialSdk = "mcr.microsoft.com/dotnet/sdk:10.0";

    /// <summary>The runtime image the final stages default to (or copy .NET from).</summary>
    public const string OfficialRuntime = "mcr.microsoft.com/dotnet/aspnet:10.0";

    /// <summary>The user the images run as.</summary>
    public const string User = "10001";

    /// <summary>Every rule <paramref name="file"/> breaks, one line each (empty when none); projects are read under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Problems(Dockerfile file, string root)
    {
        var problems = new List<string>();
        var args = file.GlobalArgs;
        Expect(problems, args.GetValueOrDefault("SDK_IMAGE") == OfficialSdk, $"no global `ARG SDK_IMAGE={OfficialSdk}`");
        Expect(problems, args.GetValueOrDefault("RUNTIME_IMAGE") == OfficialRuntime, $"no global `ARG RUNTIME_IMAGE={OfficialRuntime}`");
        Expect(problems, file.StageCount >= 2, $"one stage only ({file.StageCount}): not multi-stage");
        var build = file.StageNamed("build");
        Expect(problems, build.Count > 0 && build[0].Arguments.StartsWith("${SDK_IMAGE} ", StringComparison.Ordinal), "no `FROM ${SDK_IMAGE} AS build` stage");
        if (file.StageCount < 2)
        {
            return problems;
        }

        var final = file.Stage(file.StageCount).ToList();
        var from = FromArg().Match(final[0].Arguments);
        Expect(problems, from.Success && args.GetValueOrDefault(from.Groups[1].Value) is { Length: > 0 },
            $"the final stage's FROM ({final[0].Arguments}) is not an ARG with a default");
        var users = final.Where(i => i.Keyword == "USER").ToList();
        Expect(problems, users.Count > 0 && users[^1].Arguments is User or $"{User}:{User}", $"the final stage's last USER is not {User} ({(users.Count > 0 ? users[^1].Arguments : "none")})");
        Expect(problems, final.Any(i => i.Keyword == "WORKDIR"), "no WORKDIR in the final stage");
        Expect(problems, final.Any(i => i.Keyword == "VOLUME" && i.Arguments.Contains("/data", StringComparison.Ordinal)), "no /data VOLUME in the final stage");

        var entrypoint = final.LastOrDefault(i => i.Keyword == "ENTRYPOINT");
        var command = entrypoint is null ? null : ExecForm(entrypoint.Arguments);
        if (command is not ["dotnet", var dll] || !dll.StartsWith("/app/", StringComparison.Ordinal) || !dll.EndsWith(".dll", StringComparison.Ordinal))
        {
            problems.Add($"the ENTRYPOINT is not [\"dotnet\", \"/app/NAME.dll\"] ({entrypoint?.Arguments ?? "none"})");
            return problems;
        }

        var copy = final.Select(i => CopyFromBuild().Match(i.Keyword + " " + i.Arguments)).FirstOrDefault(m => m.Success);
        if (copy is null)
        {
            problems.Add("the final stage copies no `--from=build /out/PROJECT/` into /app/");
            return problems;
        }

        var project = copy.Groups[1].Value;
        var assembly = AssemblyName(root, project);
        Expect(problems, assembly is not null && dll == $"/app/{assembly}.dll",
            $"the ENTRYPOINT runs {dll}, but src/{project}/{project}.csproj builds {(assembly is null ? "nothing (no such project)" : assembly + ".dll")}");
        Expect(problems, build.Any(i => i.Keyword == "RUN" && (i.Arguments.Contains($"src/{project}/{project}.csproj", StringComparison.Ordinal) || i.Arguments.Contains($"src/$p/$p.csproj", StringComparison.Ordinal) && i.Arguments.Contains(project, StringComparison.Ordinal))),
            $"the build stage does not publish src/{project}/{project}.csproj");
        var fix = final.FindIndex(i => i.Keyword == "RUN" && ExecForm(i.Arguments) is ["dotnet", var d, "--check-torch"] && d == dll);
        Expect(problems, fix >= 0 && fix < final.IndexOf(users.LastOrDefault() ?? final[0]),
            $"no `RUN [\"dotnet\", \"{dll}\", \"--check-torch\"]` before USER (TorchSharp's native fix, applied as root at build time)");
        return problems;
    }

    /// <summary>The AssemblyName of src/<paramref name="project"/>/<paramref name="project"/>.csproj, or null when there is no such project.</summary>
    public static string? AssemblyName(string root, string project)
    {
        var path = Path.Combine(root, "src", project, project + ".csproj");
        if (!File.Exists(path))
        {
            return null;
        }

        var name = XDocument.Load(path).Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(name) ? $"NasOrleans.{project}" : name;
    }

    private static string[]? ExecForm(string arguments)
    {
        try
        {
            return arguments.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(arguments) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Expect(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }

    [GeneratedRegex(@"^\$\{([A-Z_]+)\}(\s|$)")]
    private static partial Regex FromArg();

    [GeneratedRegex(@"^COPY --from=build /out/([A-Za-z.]+)/ /app/$")]
    private static partial Regex CopyFromBuild();
}
