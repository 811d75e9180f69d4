package dev.concierge.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * An embedded PostgreSQL and an embedded Redis on free ports, one pair per data directory and JVM.
 *
 * <p>Several application contexts in one JVM (the test suite's cached contexts, two instances in
 * one test) share the pair for a directory; the servers stop when the last context releases them.
 * PostgreSQL keeps its data under {@code <data-dir>/postgres}, so it survives restarts; Redis is a
 * cache and keeps nothing.
 */
public final class EmbeddedServers {

    /** Where the default profile keeps its data, relative to the working directory. */
    public static final String DEFAULT_DATA_DIRECTORY = "concierge-data";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Map<Path, EmbeddedServers> running = new HashMap<>();

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;
    private final RedisServer redis;
    private final int redisPort;
    private final long startMillis;
    private int users;

    private EmbeddedServers(
            Path dataDirectory, EmbeddedPostgres postgres, RedisServer redis, int redisPort, long startMillis) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.redis = redis;
        this.redisPort = redisPort;
        this.startMillis = startMillis;
    }

    /**
     * Returns the servers for a data directory, starting them if this JVM has not yet.
     *
     * @param fresh delete what the directory holds before starting
     * @param durable keep PostgreSQL's fsync on (off only for throw-away test data)
     */
    public static synchronized EmbeddedServers acquire(Path dataDirectory, boolean fresh, boolean durable) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        EmbeddedServers servers = running.get(directory);
        if (servers == null) {
            servers = start(directory, fresh, durable);
            running.put(directory, servers);
        }
        servers.users++;
        return servers;
    }

    /** The servers already running for a data directory in this JVM, if any. */
    static synchronized EmbeddedServers running(Path dataDirectory) {
        return running.get(dataDirectory.toAbsolutePath().normalize());
    }

    /** Gives back one use; the last user's release stops both servers. */
    public void release() {
        synchronized (EmbeddedServers.class) {
            if (--users > 0) {
                return;
            }
            running.remove(dataDirectory);
            stop();
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public int redisPort() {
        return redisPort;
    }

    /** How long starting both servers took. */
    public long startMillis() {
        return startMillis;
    }

    private static EmbeddedServers start(Path directory, boolean fresh, boolean durable) {
        long started = System.nanoTime();
        try {
            if (fresh) {
                deleteRecursively(directory);
            }
            Path postgresData = directory.resolve("postgres");
            Path work = directory.resolve("work");
            Files.createDirectories(postgresData);
            Files.createDirectories(work);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.toFile())
                    .setRegisterShutdownHook(false)
                    .setPort(freePort())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            int redisPort = freePort();
            RedisServer redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + work)
                    .build();
            redis.start();
            return new EmbeddedServers(
                    directory, postgres, redis, redisPort, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL and Redis in " + directory, e);
        }
    }

    private void stop() {
        try {
            redis.stop();
        } catch (IOException e) {
            log.warn("Embedded Redis did not stop cleanly", e);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
        log.info("Embedded PostgreSQL and Redis for {} stopped", dataDirectory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
