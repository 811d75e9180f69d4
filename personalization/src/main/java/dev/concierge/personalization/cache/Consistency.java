package dev.concierge.personalization.cache;

/** How closely a cache's readers follow writes made on any instance. */
public enum Consistency {

    /**
     * L1, then L2, then the loader. An invalidation deletes the shared entry and reaches the other
     * instances' L1 through the bus within milliseconds; until then (or, if a message is lost,
     * until the L1 TTL) they may serve the old value.
     */
    EVENTUAL,

    /**
     * Every read first reads a generation counter from the shared level and serves only values
     * tagged with it; an invalidation advances the counter. Once {@link TwoLevelCache#invalidate}
     * returns, no instance serves a value loaded before it was called. Meant for customer-scoped
     * data; several caches may share one generation key.
     */
    READ_YOUR_WRITES
}
