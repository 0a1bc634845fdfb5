// FastEndpoints keeps process-wide state, and each test class starts an app of its own: run classes one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
