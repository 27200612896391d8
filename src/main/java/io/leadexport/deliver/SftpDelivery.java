package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code deliver-sftp} route that a Camel endpoint can't do alone: which endpoint, which file under
 * which name (PGP-encrypted first when the destination has a key), the manifest that follows a CSV file, and where it
 * all went. The uploads themselves are the route's {@code toD} steps.
 */
@Component("sftpDelivery")
public class SftpDelivery {

    /** The {@code sftp:} URI of the run's destination; it holds the password, so it stays out of logs. */

    private final Destinations destinations;
    private final SftpEndpoints endpoints;
    private final ExportManifest manifests;
    private final PgpEncryption pgp;

    public SftpDelivery(Destinations destinations, SftpEndpoints endpoints, ExportManifest manifests,
                        PgpEncryption pgp) {
        this.destinations = destinations;
        this.endpoints = endpoints;
        this.manifests = manifests;
        this.pgp = pgp;
    }

    /** The data file to upload, under the export's own name; sets the endpoint URI and the {@link SftpUpload}. */
    public Object file(ExportResult result, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run, Exchange exchange)
            throws Exception {
        String destination = run.request().destination();
        exchange.setProperty(ExchangeKeys.SFTP_URI, endpoints.uri(destination));
        Path file = result.file();
        String name = result.fileName();
        Path publicKey = destinations.get(destination).pgpPublicKeyFile();
        if (publicKey != null) {
            file = pgp.encrypt(publicKey, Files.newInputStream(file), name, file.resolveSibling(name + PgpEncryption.SUFFIX));
            name += PgpEncryption.SUFFIX;
        }
        exchange.setProperty(ExchangeKeys.SFTP_UPLOAD, SftpUpload.dataFile(name));
        return file.toFile();
    }

    /**
     * The manifest of the data file just delivered, {@code <data file>.manifest.json}. With PGP both are encrypted
     * and each gets {@code .pgp}: the manifest describes the decrypted file, so that after decryption the pair reads
     * as it would from a local destination. The retry budget starts again for this upload.
     */
    public Object manifest(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                           @ExchangeProperty(ExchangeKeys.SFTP_UPLOAD) SftpUpload upload, Exchange exchange) throws Exception {
        exchange.getMessage().removeHeaders("CamelRedeliver*");
        ExportResult result = run.result();
        Path publicKey = destinations.get(run.request().destination()).pgpPublicKeyFile();
        String dataName = publicKey == null ? upload.dataFileName() : plainName(upload.dataFileName());
        byte[] manifest = manifests.manifest(run, result, dataName);
        String name = dataName + ExportManifest.SUFFIX;
        Object body = manifest;
        if (publicKey != null) {
            body = pgp.encrypt(publicKey, new ByteArrayInputStream(manifest), name,
                    result.file().resolveSibling(name + PgpEncryption.SUFFIX)).toFile();
            name += PgpEncryption.SUFFIX;
        }
        exchange.setProperty(ExchangeKeys.SFTP_UPLOAD, upload.manifest(name));
        return body;
    }

    /** Records where the data file went, for the job's {@code delivery}: {@code sftp://user@host:port/directory/name}. */
    public void delivered(@ExchangeProperty(ExchangeKeys.RUN) ExportRun run,
                          @ExchangeProperty(ExchangeKeys.SFTP_UPLOAD) SftpUpload upload) {
        run.delivered(endpoints.describe(run.request().destination(), upload.dataFileName()));
    }

    private static String plainName(String encryptedName) {
        return encryptedName.substring(0, encryptedName.length() - PgpEncryption.SUFFIX.length());
    }
}
