using NasOrleans.Gateway.Protos;

namespace NasOrleans.Gateway.Tests;

/// <summary>Waits on a study through the gateway itself.</summary>
internal static class StudyWaits
{
    /// <summary>Polls GetStudy (gRPC) until <paramref name="done"/> holds, up to a minute; the last study read otherwise fails the test.</summary>
    public static async Task<Study> UntilAsync(GatewayServer server, string key, string studyId, Func<Study, bool> done)
    {
        var client = new StudyService.StudyServiceClient(server.Channel);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Study study;
        do
        {
            study = await client.GetStudyAsync(new GetStudyRequest { StudyId = studyId }, GatewayServer.With(key));
            if (done(study))
            {
                return study;
            }

            await Task.Delay(50, CancellationToken.None);
        }
        while (!deadline.IsCancellationRequested);

        Assert.Fail($"study {studyId} did not get there in a minute: {study}");
        return study;
    }
}
