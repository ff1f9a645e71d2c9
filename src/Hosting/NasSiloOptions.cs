using System.ComponentModel.DataAnnotations;

namespace NasOrleans.Hosting;

/// <summary>How a NasOrleans silo stores its data, how many trainer slots it runs, and where telemetry goes.</summary>
public sealed class NasSiloOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Nas:Silo";

    /// <summary>Which grains this silo hosts (the embedded default hosts all).</summary>
    public SiloRole Role { get; set; } = SiloRole.All;

    /// <summary>Where trials and grain state are kept.</summary>
    public StoreKind Store { get; set; } = StoreKind.Sqlite;

    /// <summary>The data directory of the SQLite store (default <c>./.nas</c>).</summary>
    [Required]
    public string DataDirectory { get; set; } = ".nas";

    /// <summary>
    /// The Npgsql connection string of the <see cref="StoreKind.Postgres"/> store, e.g.
    /// <c>Host=127.0.0.1;Port=55432;Database=nas;Username=nas;Password=...</c> (what scripts/cluster/start-services.sh
    /// writes to DIR/services.env); give it by environment (<c>Nas__Silo__PostgresConnectionString</c>), not on the command line.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The PostgreSQL schema that holds the tables (created when missing). Default <c>public</c>.</summary>
    public string PostgresSchema { get; set; } = "public";

    /// <summary>
    /// The Azure Storage connection string of the <see cref="StoreKind.Azure"/> store (the storage account's, with blob
    /// and table endpoints; <c>UseDevelopmentStorage=true</c> for Azurite on its default ports). Set it by environment
    /// (<c>Nas__Silo__AzureConnectionString</c>, e.g. from the Secret nas-azure) rather than on a command line.
    /// </summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>
    /// The prefix of the Azure tables and containers (lower-case letters and digits): tables <c>{prefix}trials</c>,
    /// <c>{prefix}studies</c>, containers <c>{prefix}artifacts</c>, <c>{prefix}grains</c>. Default <c>nas</c>.
    /// </summary>
    public string AzureTablePrefix { get; set; } = "nas";

    /// <summary>Where trained weights of each study's best trials are kept (default: <c>artifacts</c> under the data directory).</summary>
    public string? ArtifactDirectory { get; set; }

    /// <summary>The artifact directory, defaulted.</summary>
    public string ResolvedArtifactDirectory => Path.GetFullPath(ArtifactDirectory ?? Path.Combine(DataDirectory, "artifacts"));

    /// <summary>The shared data folder (NAS-Bench-201 table, datasets); null: found as the design says.</summary>
    public string? SharedDirectory { get; set; }

    /// <summary>Trainer slots on this silo (0: a control-plane silo that never trains).</summary>
    [Range(0, 1024)]
    public int TrainerSlots { get; set; } = 2;

    /// <summary>Leases a slot takes per pull (more for instant trainers, 1 for real training).</summary>
    [Range(1, 10_000)]
    public int LeasesPerPull { get; set; } = 1;

    /// <summary>Shortest wait between pulls when the queue is empty.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Longest wait between pulls when the queue stays empty.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a training slot renews its lease.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping silo lets its slots finish their trials before handing the leases back.</summary>
    public TimeSpan DrainGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The slots' devices: <c>auto</c> (one slot per GPU the NVIDIA driver lists, slot i on cuda:(i mod G); CPU slots
    /// when there is none), <c>cpu</c>, or a list such as <c>cuda:0,cuda:1</c>.
    /// </summary>
    public string Devices { get; set; } = "auto";

    /// <summary>
    /// The slots' CPU thread budgets: <c>auto</c> (the cores shared out over the slots), a count for every slot, or a
    /// list such as <c>1,2</c> (slot i takes entry i mod count). A spec's own <c>threads</c> parameter wins.
    /// </summary>
    public string SlotThreads { get; set; } = "auto";

    /// <summary>
    /// Where slots train: <see cref="Hosting.SlotIsolation.Inline"/> (in the silo's process) or
    /// <see cref="Hosting.SlotIsolation.Process"/> (each slot in a worker process of its own, so that slots with
    /// different devices or thread budgets reproduce their single-slot results).
    /// </summary>
    public SlotIsolation SlotIsolation { get; set; } = SlotIsolation.Inline;

    /// <summary>Where the slot host writes its slots' status (JSON, rewritten every second), or null for nowhere.</summary>
    public string? SlotStatusFile { get; set; }

    /// <summary>For tests of the orphan audit only: slot loops to start outside the slot host's ownership.</summary>
    [Range(0, 8)]
    public int DetachedSlotsForTesting { get; set; }

    /// <summary>Where metrics and traces go.</summary>
    public TelemetryExporter Telemetry { get; set; } = TelemetryExporter.None;

    /// <summary>The OTLP endpoint when <see cref="Telemetry"/> is Otlp (default: the exporter's own, localhost:4317).</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// The port of this silo's HTTP server: <c>/healthz</c> (the process is up), <c>/readyz</c> (joined the cluster and
    /// the store answers), <c>/metrics</c> (Prometheus) and, with <see cref="Dashboard"/>, <c>/dashboard</c>. 0: no server.
    /// </summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; }

    /// <summary>The address the HTTP server listens on (default <c>0.0.0.0</c>, as a pod needs; <c>127.0.0.1</c> on a shared machine).</summary>
    public string HttpAddress { get; set; } = "0.0.0.0";

    /// <summary>Serves the Orleans Dashboard at <c>/dashboard</c> on the HTTP server (control silos only).</summary>
    public bool Dashboard { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinPollInterval <= TimeSpan.Zero || MaxPollInterval < MinPollInterval)
        {
            yield return new ValidationResult("MinPollInterval must be above zero and at most MaxPollInterval.", [nameof(MinPollInterval), nameof(MaxPollInterval)]);
        }

        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("HeartbeatInterval must be above zero.", [nameof(HeartbeatInterval)]);
        }

        if (Role == SiloRole.Control && TrainerSlots > 0)
        {
            yield return new ValidationResult("A control silo never trains: set TrainerSlots to 0, or use the role All or Trainer.", [nameof(Role), nameof(TrainerSlots)]);
        }

        if (!Enum.IsDefined(SlotIsolation))
        {
            yield return new ValidationResult($"SlotIsolation must be Inline or Process (was {SlotIsolation}).", [nameof(SlotIsolation)]);
        }

        var devicesProblem = DevicesProblem();
        if (devicesProblem is not null)
        {
            yield return new ValidationResult(devicesProblem, [nameof(Devices), nameof(SlotThreads)]);
        }

        if (Role == SiloRole.Trainer && TrainerSlots == 0)
        {
            yield return new ValidationResult("A trainer silo needs at least one trainer slot (TrainerSlots).", [nameof(Role), nameof(TrainerSlots)]);
        }

        if (Store == StoreKind.Postgres && string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            yield return new ValidationResult(
                "PostgresConnectionString is required with the Postgres store (for example Host=127.0.0.1;Port=55432;Database=nas;Username=nas;Password=..., by the environment variable Nas__Silo__PostgresConnectionString).",
                [nameof(PostgresConnectionString)]);
        }

        if (Store == StoreKind.Azure && string.IsNullOrWhiteSpace(AzureConnectionString))
        {
            yield return new ValidationResult(
                "AzureConnectionString is required with the Azure store: set Nas:Silo:AzureConnectionString (environment Nas__Silo__AzureConnectionString) to the storage account's connection string, or UseDevelopmentStorage=true for Azurite.",
                [nameof(AzureConnectionString)]);
        }

        if (Store == StoreKind.Azure && !AzurePrefixIsValid(AzureTablePrefix))
        {
            yield return new ValidationResult(
                $"AzureTablePrefix must be 2 to 40 lower-case letters or digits, starting with a letter (was '{AzureTablePrefix}').",
                [nameof(AzureTablePrefix)]);
        }

        if (!Enum.IsDefined(Store))
        {
            yield return new ValidationResult($"Store must be Sqlite, Memory, Postgres or Azure (was {Store}).", [nameof(Store)]);
        }

        if (!System.Net.IPAddress.TryParse(HttpAddress, out _))
        {
            yield return new ValidationResult($"HttpAddress must be an IP address such as 0.0.0.0 or 127.0.0.1 (was '{HttpAddress}').", [nameof(HttpAddress)]);
        }

        if (Dashboard && (HttpPort == 0 || Role == SiloRole.Trainer))
        {
            yield return new ValidationResult(
                "Dashboard needs the HTTP server (set HttpPort, for example 8080) and a control silo (Role Control or All).",
                [nameof(Dashboard), nameof(HttpPort), nameof(Role)]);
        }

        if (DrainGrace < TimeSpan.Zero)
        {
            yield return new ValidationResult("DrainGrace must not be negative.", [nameof(DrainGrace)]);
        }
    }

    private static bool AzurePrefixIsValid(string? prefix) =>
        prefix is { Length: >= 2 and <= 40 } && char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private string? DevicesProblem()
    {
        try
        {
            SlotDevices.WithThreads(SlotDevices.Resolve(Devices, 1, 1, gpuFolder: ""), SlotThreads);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Throws <see cref="ValidationException"/> listing every problem.</summary>
    public void EnsureValid()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException("Invalid silo options: " + string.Join(" ", results.Select(r => r.ErrorMessage)));
        }
    }
}
