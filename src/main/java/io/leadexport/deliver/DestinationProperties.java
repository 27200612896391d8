package io.leadexport.deliver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured destination, {@code lead-export.destinations.<name>.*} (README, "Delivery"). Which properties apply
 * depends on the type; {@link Destinations} checks them at start-up.
 *
 * @param directory         local: the folder; sftp: the remote folder, absolute or relative to the login folder
 * @param privateKeyPassphrase sftp: the passphrase of {@code private-key-file}, when it has one
 * @param knownHostsFile    sftp: host keys are always checked against this file
 * @param pgpPublicKeyFile  sftp: when set, files are PGP-encrypted for this recipient before upload
 * @param batchSize         http: leads per POST
 * @param maxRetries        sftp and http: redeliveries of a transient failure, with exponential backoff
 * @param retryDelay        the first backoff; it doubles with every retry
 */
public record DestinationProperties(
        @NotNull DestinationType type,
        String directory,
        String host,
        @DefaultValue("22") @Min(1) @Max(65535) int port,
        String username,
        String password,
        Path privateKeyFile,
        String privateKeyPassphrase,
        Path knownHostsFile,
        Path pgpPublicKeyFile,
        URI url,
        String bearerToken,
        @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
        @DefaultValue("5") @Min(0) int maxRetries,
        @DefaultValue("1s") Duration retryDelay) {

    /** A local folder destination, as the inbox's output directory is. */
    public static DestinationProperties local(String directory) {
        return new DestinationProperties(DestinationType.LOCAL, directory, null, 22, null, null, null, null, null, null,
                null, null, 500, 0, Duration.ofSeconds(1));
    }
}
