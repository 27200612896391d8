package io.leadexport.deliver;

/**
 * The upload in progress on the {@code deliver-sftp} route, kept in the exchange property {@code sftpUpload}: the
 * name being written now (the endpoint's {@code fileName} and {@code tempFileName} options read it at every attempt)
 * and the name the data file got. An exchange property rather than the {@code CamelFileName} header because Camel puts
 * the message back as it was before each redelivery, and a name chosen after a collision must survive that.
 *
 * @param fileName     the file being uploaded now: the data file, then its manifest
 * @param dataFileName the data file's name on the server
 * @param renamed      the data file's own name was taken, so it got the job id
 */
public record SftpUpload(String fileName, String dataFileName, boolean renamed) {


    static SftpUpload dataFile(String name) {
        return new SftpUpload(name, name, false);
    }

    SftpUpload renamedTo(String name) {
        return new SftpUpload(name, name, true);
    }

    SftpUpload manifest(String name) {
        return new SftpUpload(name, dataFileName, renamed);
    }

    public boolean isDataFile() {
        return fileName.equals(dataFileName);
    }
}
