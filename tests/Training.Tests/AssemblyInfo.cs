// Torch's random generator and thread settings are process-wide: seeded tests must not run beside others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
