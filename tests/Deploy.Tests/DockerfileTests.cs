namespace NasOrleans.Deploy.Tests;

/// <summary>The application Dockerfiles of deploy/images follow <see cref="DockerfileRules"/>, and the rules catch each fault.</summary>
public sealed class DockerfileTests
{
    private const string Good = """
        ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
        ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
        FROM ${SDK_IMAGE} AS build
        COPY src/ src/
        RUN dotnet publish src/TrainerHost/TrainerHost.csproj -c Release \
              -o /out/TrainerHost
        FROM ${RUNTIME_IMAGE} AS final
        COPY --from=build /out/TrainerHost/ /app/
        RUN ["dotnet", "/app/nas-trainer.dll", "--check-torch"]
        VOLUME ["/data"]
        WORKDIR /data
        USER 10001:10001
        ENTRYPOINT ["dotnet", "/app/nas-trainer.dll"]
        """;

    private static string ImagesFolder => Path.Combine(RepositoryPaths.Root, "deploy", "images");

    public static TheoryData<string> Dockerfiles =>
        [.. Directory.GetFiles(ImagesFolder, "*.Dockerfile").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Problems_RepositoryDockerfile_None(string name)
    {
        var problems = DockerfileRules.Problems(Dockerfile.Load(Path.Combine(ImagesFolder, name)), RepositoryPaths.Root);
        Assert.True(problems.Count == 0, $"{name}: " + string.Join("; ", problems));
    }

    [Fact]
    public void Problems_WellFormedSample_None() =>
        Assert.Empty(DockerfileRules.Problems(Dockerfile.Parse("good", Good), RepositoryPaths.Root));

    [Theory]
    [InlineData("USER 10001:10001", "USER root", "last USER is not 10001")]
    [InlineData("USER 10001:10001\n", "", "last USER is not 10001")]
    [InlineData("ENTRYPOINT [\"dotnet\", \"/app/nas-trainer.dll\"]", "ENTRYPOINT [\"dotnet\", \"/app/nas-silo.dll\"]", "but src/TrainerHost/TrainerHost.csproj builds nas-trainer.dll")]
    [InlineData("ENTRYPOINT [\"dotnet\", \"/app/nas-trainer.dll\"]", "ENTRYPOINT dotnet /app/nas-trainer.dll", "the ENTRYPOINT is not")]
    [InlineData("/out/TrainerHost/ /app/", "/out/Trainer/ /app/", "builds nothing (no such project)")]
    [InlineData("ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0", "ARG SDK_IMAGE=localhost/nasorleans/dotnet-sdk", "no global `ARG SDK_IMAGE=")]
    [InlineData("FROM ${RUNTIME_IMAGE} AS final", "FROM debian:12 AS final", "is not an ARG with a default")]
    [InlineData("RUN [\"dotnet\", \"/app/nas-trainer.dll\", \"--check-torch\"]", "", "--check-torch")]
    [InlineData("WORKDIR /data", "", "no WORKDIR")]
    [InlineData("VOLUME [\"/data\"]", "", "no /data VOLUME")]
    public void Problems_FaultySample_NamesTheFault(string replace, string with, string expected)
    {
        var text = Good.Replace(replace, with, StringComparison.Ordinal);
        Assert.NotEqual(Good, text);
        var problems = DockerfileRules.Problems(Dockerfile.Parse("faulty", text), RepositoryPaths.Root);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SingleStage_NotMultiStage()
    {
        var single = "ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0\nARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0\nFROM ${RUNTIME_IMAGE}\nCOPY out/ /app/\nUSER 10001\nENTRYPOINT [\"dotnet\", \"/app/nas.dll\"]\n";
        Assert.Contains(DockerfileRules.Problems(Dockerfile.Parse("single", single), RepositoryPaths.Root), p => p.Contains("not multi-stage", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildStage_CpuDockerfiles_IdenticalSoOneBuildServesAll()
    {
        var stages = new[] { "control-silo", "trainer-cpu", "nas" }
            .Select(n => Dockerfile.Load(Path.Combine(ImagesFolder, n + ".Dockerfile")).StageNamed("build").Select(i => i.Keyword + " " + i.Arguments).ToList())
            .ToList();
        Assert.All(stages, s => Assert.Equal(stages[0], s));
        Assert.NotEmpty(stages[0]);
    }

    [Fact]
    public void Parse_ContinuationLinesAndComments_JoinedAndSkipped()
    {
        var file = Dockerfile.Parse("x", "# c\nARG A=1\nFROM ${A} AS build\nRUN a \\\n  # not a comment inside\n  && b\n");
        Assert.Equal(["ARG", "FROM", "RUN"], file.Instructions.Select(i => i.Keyword));
        Assert.Equal("1", file.GlobalArgs["A"]);
        Assert.Equal("a && b", file.Instructions[2].Arguments);
        Assert.Equal(4, file.Instructions[2].Line);
    }
}
