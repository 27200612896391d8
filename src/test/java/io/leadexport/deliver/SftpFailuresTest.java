package io.leadexport.deliver;

import java.net.ConnectException;

import com.jcraft.jsch.JSchException;

import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpFailuresTest {

    private static final String WHERE = "sftp://leads@sftp.example.com:22/inbound/";

    @Test
    void anUnreachableServerSaysHowManyAttemptsWereMade() {
        var failure = new GenericFileOperationFailedException("Cannot connect to sftp://leads@sftp.example.com:22",
                new JSchException("java.net.ConnectException: Connection refused",
                        new ConnectException("Connection refused")));

        assertThat(SftpFailures.message("crm", WHERE, failure, SftpUpload.dataFile("a.csv"), 4)).isEqualTo(
                "SFTP delivery to 'crm' (" + WHERE + ") failed: the server could not be reached, 4 attempts "
                        + "(Connection refused)");
    }

    @Test
    void aRefusedLoginIsSaidSo() {
        var failure = new GenericFileOperationFailedException("Cannot connect to sftp://leads@sftp.example.com:22",
                new JSchException("Auth fail for methods 'publickey'"));

        assertThat(SftpFailures.reason(failure, 1)).isEqualTo("the server refused the login (Auth fail for methods 'publickey')");
    }

    @Test
    void aTakenNameIsSaidSo() {
        var failure = new GenericFileOperationFailedException("File already exist: inbound/a_1f2e3d4c.csv. Cannot write new file.");

        assertThat(SftpFailures.reason(failure, 2)).startsWith("a file of that name is already there (File already exist");
    }

    @Test
    void aFailedManifestSaysTheDataFileArrived() {
        var failure = new GenericFileOperationFailedException("Cannot store file: inbound/.a.csv.manifest.json.part",
                new IllegalStateException("No space left on device"));
        SftpUpload manifest = SftpUpload.dataFile("a.csv").manifest("a.csv.manifest.json");

        assertThat(SftpFailures.message("crm", WHERE, failure, manifest, 1)).isEqualTo("SFTP delivery to 'crm' ("
                + WHERE + ") failed: the data file a.csv was delivered, but not its manifest: Cannot store file: "
                + "inbound/.a.csv.manifest.json.part: No space left on device");
    }
}
