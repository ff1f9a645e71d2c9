using Microsoft.AspNetCore.Authorization;

namespace NasOrleans.Gateway.Auth;

/// <summary>The <c>nas.read</c> requirement: any valid key, or none when <see cref="NasGatewayOptions.AllowAnonymousRead"/> is set.</summary>
public sealed class ReadRequirement : IAuthorizationRequirement;
