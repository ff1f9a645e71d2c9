using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace NasOrleans.Gateway;

/// <summary>
/// gRPC (HTTP/2) and HTTP/1.1 (browsers, curl, Python's urllib) on one plain-http port. Kestrel picks the protocol of
/// a cleartext <see cref="HttpProtocols.Http1AndHttp2"/> endpoint as HTTP/1.1 always, since there is no TLS ALPN to ask
/// (dotnet/aspnetcore#56984); this connection middleware reads the first bytes of each connection and, when they are
/// the HTTP/2 client preface (a gRPC client with prior knowledge, h2c), tells Kestrel "h2" as ALPN would. Anything
/// else goes on as HTTP/1.1 with its bytes untouched. The HTTP/2 requests then keep their own <c>:scheme</c> (http),
/// which needs <see cref="KestrelServerOptions.AllowAlternateSchemes"/>.
/// </summary>
public static class H2cPriorKnowledge
{
    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    /// <summary>Serves HTTP/1.1 and prior-knowledge HTTP/2 on <paramref name="listen"/> (a plain-http endpoint).</summary>
    public static ListenOptions UseH2cPriorKnowledge(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        listen.Use(next => async connection =>
        {
            if (connection.Features.Get<ITlsConnectionFeature>() is null && await StartsWithPrefaceAsync(connection))
            {
                var h2 = new Http2Selected();
                connection.Features.Set<ITlsConnectionFeature>(h2);
                connection.Features.Set<ITlsApplicationProtocolFeature>(h2);
            }

            await next(connection);
        });
        return listen;
    }

    /// <summary>Reads (without consuming) until the input is known to start with the preface or not.</summary>
    private static async Task<bool> StartsWithPrefaceAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            ReadResult read;
            try
            {
                read = await input.ReadAsync(connection.ConnectionClosed);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            var buffer = read.Buffer;
            var decided = Decide(buffer, out var match);
            if (decided || read.IsCompleted || read.IsCanceled)
            {
                input.AdvanceTo(buffer.Start);
                return decided && match;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool Decide(ReadOnlySequence<byte> buffer, out bool match)
    {
        var length = (int)Math.Min(buffer.Length, Preface.Length);
        Span<byte> head = stackalloc byte[Preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        match = head[..length].SequenceEqual(Preface[..length]);
        return !match || length == Preface.Length;
    }

    /// <summary>What Kestrel reads to choose HTTP/2: a TLS connection whose ALPN said "h2" (there is no certificate).</summary>
    private sealed class Http2Selected : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        private static readonly ReadOnlyMemory<byte> H2 = "h2"u8.ToArray();

        public X509Certificate2? ClientCertificate { get; set; }

        public ReadOnlyMemory<byte> ApplicationProtocol => H2;

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult<X509Certificate2?>(null);
    }
}
