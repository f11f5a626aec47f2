package io.commercemetrics.jobs.ingest.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a platform's customer identifier (an e-mail, a phone number, a buyer's nickname) into a
 * stable customer_id that does not reveal it: HMAC-SHA256 under a salt kept in the warehouse.
 * A plain hash of an e-mail can be reversed by hashing candidate addresses; the keyed hash cannot
 * without the salt, and the same customer keeps one id across files and runs of one warehouse.
 * The salt is made on first use and never printed.
 */
public final class CustomerPseudonyms {

    /** Where the salt lives, relative to the warehouse. */
    public static final String SALT_FILE = "secrets/customer-salt";

    private final Path saltFile;
    private byte[] salt;

    public CustomerPseudonyms(Path warehouse) {
        this.saltFile = warehouse == null ? null : warehouse.resolve(SALT_FILE);
    }

    /**
     * The customer_id of {@code identifier} of the given kind ({@code email}, {@code phone},
     * {@code buyer}), or null when it is blank. E-mails are compared without case.
     */
    public String of(String kind, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        String normal = identifier.trim();
        if (kind.equals("email")) {
            normal = normal.toLowerCase(Locale.ROOT);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt(), "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + normal).getBytes(StandardCharsets.UTF_8));
            // 128 bits: no collisions among any shop's customers, and short enough to read in a table
            return "c_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private synchronized byte[] salt() {
        if (salt != null) {
            return salt;
        }
        if (saltFile == null) {
            throw new IllegalStateException("customer pseudonyms need a warehouse to keep their salt in");
        }
        try {
            if (!Files.exists(saltFile)) {
                create();
            }
            salt = HexFormat.of().parseHex(Files.readString(saltFile, StandardCharsets.US_ASCII).trim());
            return salt;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the customer salt " + saltFile, e);
        }
    }

    /** Written aside with mode 600 and moved in, so a reader never sees a half-written salt. */
    private void create() throws IOException {
        Files.createDirectories(saltFile.getParent());
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path aside = Files.createTempFile(saltFile.getParent(), ".customer-salt", ".tmp");
        try {
            if (aside.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(aside, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
            // no REPLACE_EXISTING: should another process have made one meanwhile, that one stands
            Files.move(aside, saltFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // the other process's salt is the warehouse's salt
        } finally {
            Files.deleteIfExists(aside);
        }
    }
}
