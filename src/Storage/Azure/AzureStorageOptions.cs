using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans;

namespace NasOrleans.Storage.Azure;

/// <summary>
/// Where the Azure Storage trial store and grain storage keep their data (one storage account, named by a connection
/// string), the prefix of their table and container names, and how hard the Azure clients retry transient failures.
/// With the prefix <c>nas</c>: tables <c>nastrials</c> and <c>nasstudies</c>, containers <c>nasartifacts</c> and
/// <c>nasgrains</c>. Distinct prefixes keep distinct deployments (or tests) apart in one account.
/// </summary>
public sealed partial class AzureStorageOptions
{
    /// <summary>The prefix used unless another is set.</summary>
    public const string DefaultTablePrefix = "nas";

    /// <summary>
    /// An Azure Storage connection string with a blob and a table endpoint, e.g. the account's
    /// <c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net</c>, or for Azurite
    /// <c>DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=...;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;</c>
    /// (<c>UseDevelopmentStorage=true</c> is the same on Azurite's default ports).
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The prefix of the table and container names: 2 to 40 lower-case letters and digits, starting with a letter
    /// (table names allow no hyphen, container names no upper case). Default <c>nas</c>.
    /// </summary>
    public string TablePrefix { get; set; } = DefaultTablePrefix;

    /// <summary>How many times the Azure clients retry a request that failed transiently (0: never). Default 10.</summary>
    public int MaxRetries { get; set; } = 10;

    /// <summary>The wait before the first retry; it grows exponentially up to <see cref="RetryMaxDelay"/>. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between two attempts. Default 5 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take before it is abandoned (and retried). Default 100 s, the Azure SDK's own.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The silo lifecycle stage at which the store creates its tables and container. Default: application services.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>The limits of the store's artifacts (<see cref="IArtifactStore"/>): largest artifact, versions kept.</summary>
    public ArtifactStoreOptions Artifacts { get; set; } = new();

    /// <summary>The table of trial rows, measurements, completion log, strategy journal and artifact index (partitioned by study).</summary>
    public string TrialsTable => TablePrefix + "trials";

    /// <summary>The table of study summaries (one partition).</summary>
    public string StudiesTable => TablePrefix + "studies";

    /// <summary>The blob container of artifact contents and large strategy snapshots.</summary>
    public string ArtifactsContainer => TablePrefix + "artifacts";

    /// <summary>The blob container of grain state (Orleans' Azure Blob grain storage).</summary>
    public string GrainsContainer => TablePrefix + "grains";

    /// <summary>Every problem with these options, in one list; empty when they are valid.</summary>
    /// <returns>The problems, each a sentence.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Artifacts is null)
        {
            problems.Add("Artifacts must be set.");
        }
        else
        {
            problems.AddRange(Artifacts.Validate());
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString must be set to an Azure Storage connection string (the storage account's, or UseDevelopmentStorage=true for Azurite).");
        }
        else
        {
            try
            {
                _ = new BlobServiceClient(ConnectionString);
                _ = new TableServiceClient(ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                problems.Add($"ConnectionString is not a valid Azure Storage connection string with blob and table endpoints: {ex.Message}");
            }
        }

        if (TablePrefix is null || !Prefix().IsMatch(TablePrefix))
        {
            problems.Add($"TablePrefix must be 2 to 40 lower-case letters or digits, starting with a letter (was '{TablePrefix}').");
        }

        if (MaxRetries is < 0 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxRetries must be between 0 and 100 (was {MaxRetries})."));
        }

        if (RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || RetryMaxDelay > TimeSpan.FromMinutes(5))
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"RetryBaseDelay must be above zero and at most RetryMaxDelay, which must be at most 5 minutes (were {RetryBaseDelay} and {RetryMaxDelay})."));
        }

        if (NetworkTimeout <= TimeSpan.Zero)
        {
            problems.Add("NetworkTimeout must be above zero.");
        }

        return problems;
    }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem when the options are invalid.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Azure Storage options: " + string.Join(" ", problems));
        }
    }

    /// <summary>A table client pipeline with these options' retries.</summary>
    /// <returns>The service client.</returns>
    public TableServiceClient CreateTableServiceClient()
    {
        EnsureValid();
        var client = new TableClientOptions();
        ApplyRetry(client);
        return new TableServiceClient(ConnectionString, client);
    }

    /// <summary>A blob client pipeline with these options' retries.</summary>
    /// <returns>The service client.</returns>
    public BlobServiceClient CreateBlobServiceClient()
    {
        EnsureValid();
        return new BlobServiceClient(ConnectionString, CreateBlobClientOptions());
    }

    /// <summary>The blob client options with these options' retries (also given to Orleans' grain storage).</summary>
    /// <returns>The options.</returns>
    public BlobClientOptions CreateBlobClientOptions()
    {
        var client = new BlobClientOptions();
        ApplyRetry(client);
        return client;
    }

    private void ApplyRetry(ClientOptions client)
    {
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = MaxRetries;
        client.Retry.Delay = RetryBaseDelay;
        client.Retry.MaxDelay = RetryMaxDelay;
        client.Retry.NetworkTimeout = NetworkTimeout;
    }

    [GeneratedRegex("^[a-z][a-z0-9]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();
}
