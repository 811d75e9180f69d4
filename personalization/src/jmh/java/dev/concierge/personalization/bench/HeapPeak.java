package dev.concierge.personalization.bench;

/**
 * The largest {@code Runtime.totalMemory() - freeMemory()} seen every 5 ms by a daemon thread: live
 * data plus garbage not yet collected, what the heap had to hold. (With G1, {@code MemoryMXBean}
 * counts the young generation only as of the last collection, so it is not used.)
 */
final class HeapPeak {

    record Result(long before, long peak) {}

    private final Runtime runtime = Runtime.getRuntime();
    private final long before;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapPeak() {
        before = used();
        peak = before;
        thread = new Thread(this::run, "heap-peak");
        thread.setDaemon(true);
    }

    static HeapPeak start() {
        HeapPeak sampler = new HeapPeak();
        sampler.thread.start();
        return sampler;
    }

    Result stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        return new Result(before, peak);
    }

    private void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = used();
        if (used > peak) {
            peak = used;
        }
    }

    private long used() {
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
