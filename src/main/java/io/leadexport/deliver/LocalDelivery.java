package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.leadexport.export.ExportResult;
import io.leadexport.export.ExportRun;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers to a local folder: copied under a temporary {@code .part} name, then renamed into place, so a reader
 * watching the folder never sees half a file; the CSV manifest follows the data file. Names are never overwritten:
 * a name that exists gets {@code -2}, {@code -3}… before its extension.
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
        Path target = place(directory, result.fileName(), () -> Files.newInputStream(result.file()));
        if (manifests.applies(run)) {
            byte[] manifest = manifests.manifest(run, result, target.getFileName().toString());
            place(directory, target.getFileName() + ExportManifest.SUFFIX, () -> new java.io.ByteArrayInputStream(manifest));
        }
        run.delivered(target.toString());
    }

    private interface Content {
        java.io.InputStream open() throws IOException;
    }

    private static Path place(Path directory, String name, Content content) throws IOException {
        Path part = directory.resolve("." + name + ".part");
        try (var in = content.open()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            for (int n = 1; ; n++) {
                Path target = directory.resolve(n == 1 ? name : numbered(name, n));
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target);
                } catch (FileAlreadyExistsException raced) {
                    continue;
                }
                return target;
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    static String numbered(String name, int n) {
        String suffix = name.endsWith(ExportManifest.SUFFIX) ? ExportManifest.SUFFIX
                : name.contains(".") ? name.substring(name.indexOf('.')) : "";
        return name.substring(0, name.length() - suffix.length()) + "-" + n + suffix;
    }
}
