package io.leadexport.deliver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgpEncryptionTest {

    @TempDir
    Path folder;
    CamelContext camel;
    Path knownHosts;

    @BeforeEach
    void setUp() throws IOException {
        camel = new DefaultCamelContext();
        camel.start();
        knownHosts = Files.writeString(folder.resolve("known_hosts"), "");
    }

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
    }

    @Test
    void theRecipientDecryptsTheFileUnderItsName() throws Exception {
        PgpTestKeys recipient = new PgpTestKeys();
        Path publicKey = recipient.writePublicKey(folder.resolve("recipient.pgp"));
        PgpEncryption pgp = new PgpEncryption(camel, TestDestinations.of(Map.of()));
        byte[] csv = "Full Name\r\nZoë\r\n".getBytes(StandardCharsets.UTF_8);

        Path encrypted = pgp.encrypt(publicKey, new ByteArrayInputStream(csv), "leads.csv", folder.resolve("leads.csv.pgp"));

        PgpTestKeys.Decrypted decrypted = recipient.decrypt(Files.readAllBytes(encrypted));
        assertThat(decrypted.content()).isEqualTo(csv);
        assertThat(decrypted.fileName()).isEqualTo("leads.csv");
        assertThat(decrypted.integrityChecked()).isTrue();
        assertThat(new String(Files.readAllBytes(encrypted), StandardCharsets.ISO_8859_1)).as("no plain text")
                .doesNotContain("Full Name");
    }

    @Test
    void theRecipientIsTheFirstUserIdOfTheKeyFile() throws Exception {
        Path publicKey = new PgpTestKeys().writePublicKey(folder.resolve("recipient.pgp"));

        assertThat(PgpEncryption.recipient(publicKey)).isEqualTo(PgpTestKeys.USER_ID);
    }

    @Test
    void anUnusableKeyFileStopsTheStartUp() throws IOException {
        Path notAKey = Files.writeString(folder.resolve("not-a-key.pgp"), "hello");

        assertThatThrownBy(() -> new PgpEncryption(camel, TestDestinations.of(Map.of("crm",
                TestDestinations.sftp("inbound", "pw", null, knownHosts, notAKey)))))
                .hasMessageStartingWith("lead-export.destinations.crm.pgp-public-key-file: ");
        assertThatThrownBy(() -> new PgpEncryption(camel, TestDestinations.of(Map.of("crm",
                TestDestinations.sftp("inbound", "pw", null, knownHosts, folder.resolve("missing.pgp"))))))
                .hasMessageStartingWith("lead-export.destinations.crm.pgp-public-key-file: ");
    }
}
