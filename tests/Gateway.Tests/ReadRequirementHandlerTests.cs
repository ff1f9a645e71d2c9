using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using NasOrleans.Gateway.Auth;

namespace NasOrleans.Gateway.Tests;

public sealed class ReadRequirementHandlerTests
{
    [Theory]
    [InlineData(false, false, false)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    public async Task Handle_AnonymousOrKey_MeetsTheRequirementOnlyWhenAllowed(bool authenticated, bool allowAnonymousRead, bool met)
    {
        var identity = authenticated ? new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], ApiKeyDefaults.Scheme) : new ClaimsIdentity();
        var requirement = new ReadRequirement();
        var context = new AuthorizationHandlerContext([requirement], new ClaimsPrincipal(identity), null);
        var handler = new ReadRequirementHandler(Options.Create(new NasGatewayOptions { AllowAnonymousRead = allowAnonymousRead }));

        await handler.HandleAsync(context);

        Assert.Equal(met, context.HasSucceeded);
    }
}
