using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace NasOrleans.Gateway.Auth;

/// <summary>Meets <see cref="ReadRequirement"/> for an authenticated key, or for anyone when anonymous reads are allowed.</summary>
public sealed class ReadRequirementHandler(IOptions<NasGatewayOptions> options) : AuthorizationHandler<ReadRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true || options.Value.AllowAnonymousRead)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
