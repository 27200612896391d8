package io.leadexport.deliver;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.leadexport.request.DestinationNames;
import io.leadexport.request.ExportFormat;
import io.leadexport.request.ExportRequest;

import org.springframework.stereotype.Component;

/**
 * The destinations a request may name: {@code download} (kept for the download link), {@code outbox} (the inbox's
 * output directory) and every configured {@code lead-export.destinations.<name>}. Requests only ever name one; hosts
 * and paths come from here, never from a request. Misconfigured destinations stop the start-up with a clear message.
 */
@Component("destinations")
public class Destinations implements DestinationNames {

    public static final String OUTBOX = "outbox";

    private final Map<String, DestinationProperties> configured;

    public Destinations(DeliveryProperties properties) {
        Map<String, DestinationProperties> all = new LinkedHashMap<>();
        all.put(OUTBOX, DestinationProperties.local(properties.inbox().outputDirectory()));
        properties.destinations().forEach((name, destination) -> {
            if (ExportRequest.DOWNLOAD.equals(name)) {
                throw new IllegalArgumentException("lead-export.destinations.download: 'download' is reserved");
            }
            check(name, destination);
            all.put(name, destination);
        });
        this.configured = Map.copyOf(all);
    }

    @Override
    public Set<String> all() {
        Set<String> names = new LinkedHashSet<>();
        names.add(ExportRequest.DOWNLOAD);
        names.addAll(configured.keySet());
        return names;
    }

    /** A CRM's HTTP API receives the leads as JSON batches, so its exports are JSON. */
    @Override
    public Optional<ExportFormat> requiredFormat(String name) {
        DestinationProperties destination = configured.get(name);
        return destination != null && destination.type() == DestinationType.HTTP ? Optional.of(ExportFormat.JSON)
                : Optional.empty();
    }

    /** Where the file goes, in plain words: no credentials, only the folder, host or address it is sent to. */
    @Override
    public String description(String name) {
        if (ExportRequest.DOWNLOAD.equals(name)) {
            return "Kept on the server for you to download from this page";
        }
        DestinationProperties d = get(name);
        if (OUTBOX.equals(name)) {
            return "The inbox's output folder on the server (" + d.directory()
                    + "), where exports started by a dropped file go";
        }
        return switch (d.type()) {
            case LOCAL -> "Saved in the server folder " + d.directory();
            case SFTP -> "Uploaded by SFTP to " + d.host() + (d.port() == 22 ? "" : ":" + d.port()) + ", folder "
                    + d.directory() + (d.pgpPublicKeyFile() == null ? "" : ", PGP-encrypted");
            case HTTP -> "Sent to the CRM's API at " + d.url().getHost() + " as JSON, " + d.batchSize()
                    + " leads per call";
        };
    }

    /** The type of a destination: {@code download}, {@code local}, {@code sftp} or {@code http}. */
    public String typeOf(String name) {
        if (ExportRequest.DOWNLOAD.equals(name)) {
            return ExportRequest.DOWNLOAD;
        }
        return get(name).type().key();
    }

    public DestinationProperties get(String name) {
        DestinationProperties destination = configured.get(name);
        if (destination == null) {
            throw new IllegalArgumentException("no destination '" + name + "' is configured");
        }
        return destination;
    }

    private static void check(String name, DestinationProperties d) {
        String prefix = "lead-export.destinations." + name + ".";
        List<String> missing = new ArrayList<>();
        switch (d.type()) {
            case LOCAL -> require(d.directory() != null, prefix + "directory", missing);
            case SFTP -> {
                require(d.host() != null, prefix + "host", missing);
                require(d.username() != null, prefix + "username", missing);
                require(d.password() != null || d.privateKeyFile() != null,
                        prefix + "password or " + prefix + "private-key-file", missing);
                require(d.knownHostsFile() != null, prefix + "known-hosts-file (host keys are always checked)", missing);
                require(d.directory() != null, prefix + "directory", missing);
                if (d.knownHostsFile() != null && !Files.isReadable(d.knownHostsFile())) {
                    missing.add(prefix + "known-hosts-file: cannot read " + d.knownHostsFile());
                }
            }
            case HTTP -> require(d.url() != null, prefix + "url", missing);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Destination '" + name + "' (" + d.type().key() + ") needs "
                    + String.join(", ", missing));
        }
    }

    private static void require(boolean present, String what, List<String> missing) {
        if (!present) {
            missing.add(what);
        }
    }
}
