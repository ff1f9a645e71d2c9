namespace NasOrleans.Deploy.Tests.Support;

/// <summary>One instruction of a Dockerfile: its keyword (upper case), its arguments (continuation lines joined), its stage (0 for global ARGs before the first FROM, then 1, 2, ...) and line.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage, int Line);
