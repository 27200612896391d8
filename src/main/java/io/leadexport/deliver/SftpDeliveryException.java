package io.leadexport.deliver;

/** A failed SFTP delivery, said in words a job's owner can act on; the cause keeps the technical detail. */
public class SftpDeliveryException extends RuntimeException {

    public SftpDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
