package io.leadexport.deliver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.leadexport.export.ExchangeKeys;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code sftp:} endpoints of {@link SftpEndpoints} against a real OpenSSH server: every form of remote folder a
 * destination may name arrives where an administrator of that server would expect it.
 */
class OpenSshEndpointsTest {

    private static final String PASSPHRASE = "correct horse battery (staple) &=?";
    private static OpenSshServer sshd;
    private static Path base;
    private static Path key;
    private static Path knownHosts;
    private static CamelContext camel;

    @BeforeAll
    static void start() throws Exception {
        OpenSshServer.assumeAvailable();
        base = Path.of("target", "test-sshd", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(base);
        key = OpenSshServer.keyPair(base.resolve("client_ed25519"), PASSPHRASE);
        sshd = OpenSshServer.start(base.resolve("server"), Files.readString(Path.of(key + ".pub")));
        knownHosts = Files.writeString(base.resolve("known_hosts"), sshd.knownHostsLine());
        sshd.writableFolder(sshd.home().resolve("upload"), OpenSshServer.USER);
        sshd.writableFolder(sshd.home().resolve("upload/nested"), OpenSshServer.USER);
        sshd.writableFolder(sshd.jail().resolve("upload"), OpenSshServer.JAILED_USER);
        
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource({
            "lxsftp, ABSOLUTE/upload, upload",
            "lxsftp, upload, upload",
            "lxsftp, upload/nested, upload/nested",
            "lxsftp, ., ''",
            "lxsftp, '', ''",
            "lxsftpjail, /upload, upload",
            "lxsftpjail, upload, upload",
    })
    void aFileArrivesInTheFolderTheDestinationNames(String user, String directory, String expected) throws Exception {
        Path root = user.equals(OpenSshServer.USER) ? sshd.home() : sshd.jail();
        String remote = directory.replace("ABSOLUTE", sshd.home().toString());
        String name = "leads_export_" + UUID.randomUUID() + ".csv";
        SftpEndpoints endpoints = new SftpEndpoints(TestDestinations.of(Map.of("crm",
                new DestinationProperties(DestinationType.SFTP, remote, "127.0.0.1", sshd.port(), user, null, key,
                        PASSPHRASE, knownHosts, null, null, null, 500, 0, Duration.ofSeconds(1)))));
        ProducerTemplate producer = camel.createProducerTemplate();
        Exchange sent = producer.send(endpoints.uri("crm"), exchange -> {
            exchange.setProperty(ExchangeKeys.SFTP_UPLOAD, SftpUpload.dataFile(name));
            exchange.getMessage().setBody("Full Name\r\nJürgen\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });

        assertThat(sent.getException()).as(sshd.log()).isNull();
        Path arrived = expected.isEmpty() ? root.resolve(name) : root.resolve(expected).resolve(name);
        assertThat(arrived).hasContent("Full Name\r\nJürgen\r\n");
    }
}
