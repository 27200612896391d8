package io.leadexport.deliver;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes the temporary {@code .<name>.part} file a failed upload left on the server. camel-ftp removes a leftover
 * before it tries again, but not after the last failed attempt (a transfer cut off, a rename refused). This connects
 * once more through the same endpoint, so with the same host key check and credentials; it is best effort: a server
 * that cannot be reached cannot be cleaned, and that is logged, not thrown.
 */
@Component
public class SftpTempFiles {

    private static final Logger log = LoggerFactory.getLogger(SftpTempFiles.class);

    /** The name camel-ftp writes to first, as the endpoint's {@code tempFileName} option says. */
    public static String temporaryName(String fileName) {
        return "." + fileName + ".part";
    }

    /**
     * @param folder the destination's remote folder, ending in {@code /} (or empty for the login folder)
     */
    public void remove(String uri, String destination, String folder, String fileName, Exchange exchange) {
        SftpEndpoint endpoint = exchange.getContext().getEndpoint(uri, SftpEndpoint.class);
        String path = folder + temporaryName(fileName);
        RemoteFileOperations<SftpRemoteFile> operations = endpoint.createRemoteFileOperations();
        try {
            operations.connect(endpoint.getConfiguration(), exchange);
            if (operations.existsFile(path)) {
                operations.deleteFile(path);
                log.info("Removed the temporary file {} of a failed upload to destination '{}'", path, destination);
            }
        } catch (RuntimeException e) {
            log.warn("Could not check for or remove the temporary file {} on destination '{}': {}", path, destination,
                    e.getMessage());
        } finally {
            try {
                operations.disconnect();
            } catch (RuntimeException ignored) {
                // Nothing more to do on a connection that is going away.
            }
        }
    }
}
