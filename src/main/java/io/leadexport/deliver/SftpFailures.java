package io.leadexport.deliver;

import io.leadexport.export.ExchangeKeys;
import java.net.SocketException;
import java.net.SocketTimeoutException;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;

import io.leadexport.export.Causes;
import io.leadexport.export.ExportRun;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.util.ObjectHelper;
import org.springframework.stereotype.Component;

/**
 * The last step of a failed SFTP delivery, once Camel has given up on the upload (the {@code sftp-delivery} route
 * configuration): the temporary file is removed from the server, and the failure is replaced by an
 * {@link SftpDeliveryException} that says where and what in words, which is what the job's {@code error} shows. The exception is not handled: Camel rethrows the caught exception as it stands after this step,
 * so the job fails with the new message and the original as its cause.
 */
@Component("sftpFailures")
public class SftpFailures {

    private final SftpEndpoints endpoints;
    private final SftpTempFiles tempFiles;

    public SftpFailures(SftpEndpoints endpoints, SftpTempFiles tempFiles) {
        this.endpoints = endpoints;
        this.tempFiles = tempFiles;
    }

    public void fail(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String destination = exchange.getProperty(ExchangeKeys.RUN, ExportRun.class).request().destination();
        SftpUpload upload = exchange.getProperty(ExchangeKeys.SFTP_UPLOAD, SftpUpload.class);
        String uri = exchange.getProperty(ExchangeKeys.SFTP_URI, String.class);
        // A failure while connecting or logging in wrote nothing, and a new connection would fail the same way.
        if (upload != null && uri != null && !whileConnecting(failure)) {
            tempFiles.remove(uri, destination, endpoints.remoteFolder(destination), upload.fileName(), exchange);
        }
        int attempts = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        String where = endpoints.describe(destination, "");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new SftpDeliveryException(message(destination, where, failure, upload, attempts), failure));
    }

    static String message(String destination, String where, Throwable failure, SftpUpload upload, int attempts) {
        String message = "SFTP delivery to '" + destination + "' (" + where + ") failed: ";
        if (upload != null && !upload.isDataFile()) {
            message += "the data file " + upload.dataFileName() + " was delivered, but not its manifest: ";
        }
        return message + reason(failure, attempts);
    }

    static String reason(Throwable failure, int attempts) {
        for (Throwable t : Causes.outermostFirst(failure)) {
            if (t instanceof JSchChangedHostKeyException) {
                return "the server's host key does not match the destination's known-hosts-file (" + t.getMessage() + ")";
            }
            if (t instanceof JSchUnknownHostKeyException) {
                return "the server's host key is not in the destination's known-hosts-file (" + t.getMessage() + ")";
            }
            if (t instanceof JSchHostKeyException) {
                return "the server's host key was rejected (" + t.getMessage() + ")";
            }
            if (t instanceof JSchException && t.getMessage() != null && t.getMessage().startsWith("Auth ")) {
                return "the server refused the login (" + t.getMessage() + ")";
            }
            if (t instanceof SocketException || t instanceof SocketTimeoutException) {
                return "the server could not be reached, " + attempts + (attempts == 1 ? " attempt" : " attempts")
                        + " (" + t.getMessage() + ")";
            }
            if (t instanceof GenericFileOperationFailedException && t.getMessage() != null
                    && t.getMessage().startsWith("Cannot change directory to")) {
                // camel-ftp names only the one folder of the path it could not enter.
                return "the remote folder does not exist or cannot be entered (" + t.getMessage() + ")";
            }
            if (t instanceof GenericFileOperationFailedException && t.getMessage() != null
                    && t.getMessage().startsWith("File already exist")) {
                return "a file of that name is already there (" + t.getMessage() + ")";
            }
        }
        return describe(failure);
    }

    private static boolean whileConnecting(Throwable failure) {
        return ObjectHelper.getException(JSchException.class, failure) != null;
    }

    /** The outermost message, and the innermost one when it adds something (camel-ftp wraps the server's answer). */
    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        Throwable root = Causes.root(failure);
        String outer = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String inner = root.getMessage();
        return root == failure || inner == null || outer.contains(inner) ? outer : outer + ": " + inner;
    }
}
