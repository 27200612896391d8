package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The camel-ftp {@code sftp:} endpoint of each SFTP destination, built from its configuration only (README,
 * "Delivery").
 * One URI per destination, so Camel keeps one endpoint for it; the name of the file being uploaded is read from the
 * {@link SftpUpload} exchange property at every attempt.
 * <ul>
 * <li>Host keys are always checked: {@code strictHostKeyChecking=yes} against the destination's known-hosts file,
 * never the user's {@code ~/.ssh/known_hosts} (camel-ftp's default is not to check at all).</li>
 * <li>Files are written under a temporary {@code .<name>.part} name and renamed by Camel when complete; an existing
 * file is never overwritten ({@code fileExist=Fail}, checked before anything is written).</li>
 * <li>No {@code charset}: with one, camel-ftp reads the whole file into memory to convert it.</li>
 * <li>Camel's own reconnect loop is off: the {@code sftp-delivery} route configuration is the one retry policy.</li>
 * <li>An absolute remote folder ({@code /home/crmdrop/incoming}) goes into {@code fileName}, not the URI's path:
 * camel-ftp turns a directory in the URI into one relative to the login folder (its FtpUtils strips the leading
 * {@code /}), which a real OpenSSH server then cannot find. With the path in the file name, camel-ftp changes
 * directory stepwise from {@code /} and writes the temporary file beside the target. A relative folder, {@code .} or
 * an empty one stays in the URI and is relative to the login folder.</li>
 * <li>The remote folder must exist ({@code autoCreate=false}): a mistyped folder fails the job instead of filling a
 * new folder nobody reads.</li>
 * </ul>
 * Passwords and paths go in {@code RAW(...)}, so any character survives; start-up fails on a value that cannot be
 * put in a URI at all.
 */
@Component("sftpEndpoints")
public class SftpEndpoints {

    static final int CONNECT_TIMEOUT_MS = 10_000;
    /** A server that stops answering mid-transfer fails the attempt after this long (camel-ftp's default: 5 min). */
    static final int READ_TIMEOUT_MS = 60_000;

    private static final String UPLOAD_NAME = "${exchangeProperty." + ExchangeKeys.SFTP_UPLOAD + ".fileName}";

    private final Destinations destinations;

    public SftpEndpoints(Destinations destinations) {
        this.destinations = destinations;
        for (String name : destinations.all()) {
            if (DestinationType.SFTP.key().equals(destinations.typeOf(name))) {
                check(name, destinations.get(name));
            }
        }
    }

    /** The {@code sftp:} URI of a destination; it holds the password, so it is for Camel only, never for logs. */
    public String uri(String destination) {
        DestinationProperties d = destinations.get(destination);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("username", raw(d.username()));
        if (d.password() != null) {
            options.put("password", raw(d.password()));
        }
        if (d.privateKeyFile() != null) {
            options.put("privateKeyFile", raw(d.privateKeyFile().toAbsolutePath().toString()));
        }
        if (d.privateKeyPassphrase() != null) {
            options.put("privateKeyPassphrase", raw(d.privateKeyPassphrase()));
        }
        options.put("knownHostsFile", raw(d.knownHostsFile().toAbsolutePath().toString()));
        options.put("strictHostKeyChecking", "yes");
        options.put("useUserKnownHostsFile", "false");
        options.put("fileName", raw(absolute(d.directory()) ? folder(d.directory()) + UPLOAD_NAME : UPLOAD_NAME));
        options.put("tempFileName", raw(SftpTempFiles.temporaryName(UPLOAD_NAME)));
        options.put("fileExist", "Fail");
        options.put("fastExistsCheck", "true");
        options.put("autoCreate", "false");
        options.put("binary", "true");
        options.put("disconnect", "true");
        options.put("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        options.put("soTimeout", Integer.toString(READ_TIMEOUT_MS));
        options.put("maximumReconnectAttempts", "0");
        String directory = absolute(d.directory()) ? "" : path(d.directory());
        return "sftp://" + host(d.host()) + ":" + d.port() + "/" + directory + "?"
                + options.entrySet().stream().map(o -> o.getKey() + "=" + o.getValue()).collect(Collectors.joining("&"));
    }

    /**
     * Where a file went, for the job record: {@code sftp://user@host:port/directory/name}, never a password. As in
     * Camel's URIs, an absolute remote folder shows as {@code //folder}.
     */
    public String describe(String destination, String fileName) {
        DestinationProperties d = destinations.get(destination);
        String directory = d.directory().endsWith("/") ? d.directory() : d.directory() + "/";
        return "sftp://" + d.username() + "@" + host(d.host()) + ":" + d.port() + "/" + directory + fileName;
    }

    private void check(String name, DestinationProperties d) {
        String prefix = "lead-export.destinations." + name + ".";
        if (d.privateKeyFile() != null && !Files.isReadable(d.privateKeyFile())) {
            throw new IllegalArgumentException(prefix + "private-key-file: cannot read " + d.privateKeyFile());
        }
        if (d.directory().contains("${")) {
            throw new IllegalArgumentException(prefix + "directory: a folder cannot contain '${' (Camel reads it as an "
                    + "expression)");
        }
        try {
            uri(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Destination '" + name + "' (sftp): " + e.getMessage(), e);
        }
    }

    /** The folder the destination's files go to, as the server names it: absolute, or relative to the login folder. */
    String remoteFolder(String destination) {
        String directory = destinations.get(destination).directory();
        return directory.isEmpty() ? "" : folder(directory);
    }

    static boolean absolute(String directory) {
        return directory.startsWith("/");
    }

    private static String folder(String directory) {
        return directory.endsWith("/") ? directory : directory + "/";
    }

    /**
     * Camel takes a {@code RAW(...)} or {@code RAW{...}} value as it is, except for two opening braces, which start a
     * property placeholder.
     */
    static String raw(String value) {
        if (value.contains("{{")) {
            throw new IllegalArgumentException("a value cannot contain '{{' (Camel reads it as a property placeholder)");
        }
        if (!value.contains(")")) {
            return "RAW(" + value + ")";
        }
        if (!value.contains("}")) {
            return "RAW{" + value + "}";
        }
        throw new IllegalArgumentException("a value cannot contain both ')' and '}'");
    }

    /** Each folder of the path percent-encoded; a leading {@code /} (an absolute folder) stays. */
    static String path(String directory) {
        return Arrays.stream(directory.split("/", -1))
                .map(folder -> URLEncoder.encode(folder, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
    }

    private static String host(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
