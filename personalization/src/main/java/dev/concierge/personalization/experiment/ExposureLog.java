package dev.concierge.personalization.experiment;

/**
 * Port: records exposures without slowing the request. Implementations buffer and write in
 * batches; {@link #record} must not block and must not throw.
 */
public interface ExposureLog {

    void record(Exposure exposure);

    /** Records nothing; for previews and tests. */
    ExposureLog NONE = exposure -> {};
}
