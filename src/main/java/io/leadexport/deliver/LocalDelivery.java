package io.leadexport.deliver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.leadexport.export.ExchangeKeys;
import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers to a local folder ({@link LocalFolder}): written under a temporary name of the job's own, then published
 * without replacing anything, so a reader watching the folder never sees half a file and two exports never overwrite
 * each other. A name that is taken gets the job id's first eight characters before its extension, as on SFTP
 * ({@link SftpUniqueName}); the CSV manifest follows the data file and names the file it describes.
 */
@Component("localDelivery")
public class LocalDelivery {

    private final Destinations destinations;
    private final ExportManifest manifests;

    public LocalDelivery(Destinations destinations, ExportManifest manifests) {
        this.destinations = destinations;
        this.manifests = manifests;
    }

    /** Places the file (and a CSV's manifest) in the folder, and records where it is for the job. */
    public void deliver(ExportResult result, @ExchangeProperty(ExchangeKeys.RUN) ExportRun run) throws IOException {
        Path directory = Path.of(destinations.get(run.request().destination()).directory()).toAbsolutePath();
        Files.createDirectories(directory);
        LocalFolder folder = new LocalFolder(directory, run.id());
        String name = result.fileName();
        Path target;
        try {
            target = folder.publish(() -> Files.newInputStream(result.file()), name,
                    SftpUniqueName.unique(name, name, run.id()));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Local delivery to '" + run.request().destination() + "' (" + directory
                    + ") failed: " + name + " and its name with the job id are both taken", e);
        }
        if (manifests.applies(run)) {
            String dataName = target.getFileName().toString();
            byte[] manifest = manifests.manifest(run, result, dataName);
            try {
                folder.publish(() -> new ByteArrayInputStream(manifest), dataName + ExportManifest.SUFFIX, null);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("Local delivery to '" + run.request().destination() + "' (" + directory
                        + ") failed: the data file " + dataName + " was delivered, but not its manifest: "
                        + dataName + ExportManifest.SUFFIX + " is already there", e);
            }
        }
        run.delivered(target.toString());
    }
}
