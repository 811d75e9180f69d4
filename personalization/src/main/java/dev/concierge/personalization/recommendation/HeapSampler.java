package dev.concierge.personalization.recommendation;

/**
 * The largest heap use seen while something runs: a daemon thread reads {@code
 * Runtime.totalMemory() - Runtime.freeMemory()} every {@value #INTERVAL_MILLIS} ms. (Not {@code
 * MemoryMXBean}: with G1 its heap figure counts the young generation only as of the last collection,
 * so it reads 0 before the first one.) The figure is live data plus garbage not yet collected, i.e.
 * what the heap had to hold at that moment, including whatever else the JVM holds; a peak between
 * two samples can be missed.
 */
final class HeapSampler {

    static final long INTERVAL_MILLIS = 5;

    private final Runtime runtime = Runtime.getRuntime();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        sample();
        thread = new Thread(this::run, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling and returns the peak in bytes. */
    long stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return peak;
    }

    private void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = runtime.totalMemory() - runtime.freeMemory();
        if (used > peak) {
            peak = used;
        }
    }
}
