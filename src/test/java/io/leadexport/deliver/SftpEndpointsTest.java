package io.leadexport.deliver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SftpEndpointsTest {

    @TempDir
    Path folder;
    Path knownHosts;

    @BeforeEach
    void setUp() throws IOException {
        knownHosts = Files.writeString(folder.resolve("known_hosts"), "");
    }

    @Test
    void theUriChecksHostKeysWritesUnderATemporaryNameAndNeverOverwrites() {
        SftpEndpoints endpoints = endpoints(TestDestinations.sftp("inbound", "pw", null, knownHosts, null));

        String uri = endpoints.uri("crm");

        assertThat(uri).startsWith("sftp://sftp.example.com:2222/inbound?")
                .contains("username=RAW(leads)", "password=RAW(pw)", "knownHostsFile=RAW(" + knownHosts + ")",
                        "strictHostKeyChecking=yes", "useUserKnownHostsFile=false",
                        "fileName=RAW(${exchangeProperty.sftpUpload.fileName})",
                        "tempFileName=RAW(.${exchangeProperty.sftpUpload.fileName}.part)", "fileExist=Fail",
                        "autoCreate=false", "binary=true", "disconnect=true", "connectTimeout=10000",
                        "maximumReconnectAttempts=0")
                .doesNotContain("charset", "privateKeyFile");
    }

    @Test
    void aPrivateKeyIsGivenByItsAbsolutePath() throws IOException {
        Path key = Files.writeString(folder.resolve("id_rsa"), "key");
        SftpEndpoints endpoints = endpoints(TestDestinations.sftp("inbound", null, key, knownHosts, null));

        assertThat(endpoints.uri("crm")).contains("privateKeyFile=RAW(" + key.toAbsolutePath() + ")")
                .doesNotContain("password=");
    }

    @Test
    void aPasswordWithAClosingParenthesisIsQuotedWithBraces() {
        assertThat(SftpEndpoints.raw("s3cret&a=(b)?")).isEqualTo("RAW{s3cret&a=(b)?}");
        assertThat(SftpEndpoints.raw("plain+&=?")).isEqualTo("RAW(plain+&=?)");
    }

    @Test
    void aValueThatCannotBeQuotedStopsTheStartUp() {
        assertThatThrownBy(() -> endpoints(TestDestinations.sftp("inbound", "a)b}c", null, knownHosts, null)))
                .hasMessageContaining("Destination 'crm' (sftp)").hasMessageContaining("both ')' and '}'")
                .hasMessageNotContaining("a)b}c");
        assertThatThrownBy(() -> endpoints(TestDestinations.sftp("inbound", "{{x}}", null, knownHosts, null)))
                .hasMessageContaining("placeholder");
    }

    @Test
    void anUnreadablePrivateKeyStopsTheStartUp() {
        assertThatThrownBy(() -> endpoints(TestDestinations.sftp("inbound", null, folder.resolve("missing"),
                knownHosts, null))).hasMessageContaining("lead-export.destinations.crm.private-key-file");
    }

    @Test
    void foldersArePercentEncoded() {
        assertThat(SftpEndpoints.path("in box/2024")).isEqualTo("in%20box/2024");
    }

    /** camel-ftp makes a folder in the URI relative to the login folder, so an absolute one goes in the file name. */
    @Test
    void anAbsoluteFolderIsPartOfTheFileNameNotOfTheUri() {
        String uri = endpoints(TestDestinations.sftp("/srv/leads", "pw", null, knownHosts, null)).uri("crm");

        assertThat(uri).startsWith("sftp://sftp.example.com:2222/?")
                .contains("&fileName=RAW(/srv/leads/${exchangeProperty.sftpUpload.fileName})&")
                .contains("&tempFileName=RAW(.${exchangeProperty.sftpUpload.fileName}.part)&");
    }

    @Test
    void aFolderThatCamelWouldReadAsAnExpressionStopsTheStartUp() {
        assertThatThrownBy(() -> endpoints(TestDestinations.sftp("/srv/${date:now}", "pw", null, knownHosts, null)))
                .hasMessageContaining("lead-export.destinations.crm.directory");
    }

    @Test
    void theDescriptionSaysWhereAFileWentWithoutThePassword() {
        SftpEndpoints endpoints = endpoints(TestDestinations.sftp("inbound", "pw", null, knownHosts, null));

        assertThat(endpoints.describe("crm", "leads.csv")).isEqualTo("sftp://leads@sftp.example.com:2222/inbound/leads.csv");
    }

    private static SftpEndpoints endpoints(DestinationProperties crm) {
        return new SftpEndpoints(TestDestinations.of(Map.of("crm", crm)));
    }
}
