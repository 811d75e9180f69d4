package dev.concierge.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

/**
 * The RSA key that signs and verifies development tokens outside {@code prod}, kept as a JWK file in
 * the embedded data directory so that tokens minted by {@code token} stay valid across restarts.
 */
public final class LocalSigningKey {

    /** The key file's name inside the embedded data directory. */
    public static final String FILE_NAME = "jwt-signing-key.json";

    private LocalSigningKey() {}

    /** Reads the key file, creating it with a new 2048-bit key the first time. */
    public static synchronized RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "jwt-key", ".tmp");
            trySetOwnerOnly(temporary);
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the local signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The local signing key " + file + " is not a valid RSA JWK", e);
        }
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the key file keeps the directory's default permissions.
        }
    }
}
