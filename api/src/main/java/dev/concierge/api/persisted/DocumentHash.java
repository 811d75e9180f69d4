package dev.concierge.api.persisted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The id of a document in APQ and in Apollo manifests: the lowercase hex SHA-256 of its UTF-8 text. */
final class DocumentHash {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private DocumentHash() {}

    static String of(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Whether the text looks like a hash (64 lowercase hex digits), as Apollo clients send it. */
    static boolean isWellFormed(String hash) {
        return SHA_256_HEX.matcher(hash).matches();
    }
}
