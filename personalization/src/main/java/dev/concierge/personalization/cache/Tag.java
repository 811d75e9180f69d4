package dev.concierge.personalization.cache;

/** What a read-your-writes value was loaded under: the shared level's epoch and the key's generation. */
record Tag(long epoch, long generation) {}
