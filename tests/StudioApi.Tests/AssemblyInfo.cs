// Test classes run in parallel, each on an app and a database of its own (StudioApiFactory). What FastEndpoints 9.0.0
// keeps process-wide is safe to share: its Config options are set alike by every app (the serializer once per process),
// and the static ServiceResolver.Instance is only read outside a request while an app maps its endpoints, which
// StudioApiFactory.CreateHost does one app at a time; during a request it resolves from that request's own services.
// Tests within a class run one after another, as they share their class's app.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass)]
