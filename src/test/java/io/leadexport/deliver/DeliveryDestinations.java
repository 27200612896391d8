package io.leadexport.deliver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadexport.support.EndToEndTest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The servers of the delivery tests and the destinations on them. The test classes extend this one and
 * declare no properties of their own, so Spring gives them one shared context (the key of its context cache is this
 * class's property method). The servers run until the JVM ends, since the cached context outlives each test class.
 * <ul>
 * <li>Apache MINA SSHD in-process, for fault injection ({@link SftpDeliveryTest}):
 * {@code crm-sftp} (public-key login), {@code crm-sftp-password} (password login, same server), {@code crm-sftp-pgp}
 * (files PGP-encrypted for a key pair made here), {@code crm-sftp-wrong-key} (a known_hosts entry with another key)
 * and {@code crm-sftp-bad-login} (a wrong password), both with a long retry delay so a retry would show, and
 * {@code crm-sftp-late} (a server that only starts once the delivery has failed a few times);</li>
 * <li>a real OpenSSH server ({@link OpenSshServer}, {@link OpenSshDeliveryTest}), when this machine can run one:
 * {@code openssh-*};</li>
 * <li>a stub CRM HTTP API on loopback ({@link CrmStub}, {@link CrmDeliveryTest}): {@code crm}.</li>
 * </ul>
 */
@EndToEndTest
abstract class DeliveryDestinations {

    static final String PASSPHRASE = "correct horse battery (staple) &=?";
    static OpenSshServer sshd;
    static final String PASSWORD = "s3cret&key=(v)?";
    static final ObjectMapper JSON = new ObjectMapper();

    static SftpTestServer server;
    static SftpTestServer lateServer;
    static int latePort;
    static PgpTestKeys recipient;
    static final CrmStub CRM = crmStub();


    @DynamicPropertySource
    static void destinations(DynamicPropertyRegistry registry) throws Exception {
        Path base = Files.createDirectories(Path.of("target", "test-sftp", UUID.randomUUID().toString()))
                .toAbsolutePath();
        KeyPair clientKey = SftpTestServer.rsaKeyPair();
        Path privateKey = SftpTestServer.writePrivateKey(clientKey, base.resolve("id_rsa"));
        server = new SftpTestServer(base.resolve("server"), clientKey.getPublic(), PASSWORD).start(0);
        Path knownHosts = Files.writeString(base.resolve("known_hosts"), server.knownHostsLine(server.port()));
        Path otherKnownHosts = Files.writeString(base.resolve("known_hosts_other"),
                SftpTestServer.knownHostsLine(server.port(), SftpTestServer.rsaKeyPair().getPublic()));
        for (String folder : List.of("inbound", "by-password", "encrypted", "wrong-key", "bad-login")) {
            server.folder(folder);
        }
        lateServer = new SftpTestServer(base.resolve("late-server"), clientKey.getPublic(), PASSWORD);
        lateServer.folder("inbound");
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            latePort = socket.getLocalPort();
        }
        Path lateKnownHosts = Files.writeString(base.resolve("known_hosts_late"), lateServer.knownHostsLine(latePort));
        recipient = new PgpTestKeys();
        Path publicKey = recipient.writePublicKey(base.resolve("recipient.pgp"));

        destination(registry, "crm-sftp", server.port(), "inbound", knownHosts, 2, "100ms");
        registry.add("lead-export.destinations.crm-sftp.private-key-file", privateKey::toString);
        destination(registry, "crm-sftp-password", server.port(), "by-password", knownHosts, 2, "100ms");
        registry.add("lead-export.destinations.crm-sftp-password.password", () -> PASSWORD);
        destination(registry, "crm-sftp-pgp", server.port(), "encrypted", knownHosts, 2, "100ms");
        registry.add("lead-export.destinations.crm-sftp-pgp.private-key-file", privateKey::toString);
        registry.add("lead-export.destinations.crm-sftp-pgp.pgp-public-key-file", publicKey::toString);
        destination(registry, "crm-sftp-wrong-key", server.port(), "wrong-key", otherKnownHosts, 3, "10s");
        registry.add("lead-export.destinations.crm-sftp-wrong-key.private-key-file", privateKey::toString);
        destination(registry, "crm-sftp-bad-login", server.port(), "bad-login", knownHosts, 3, "10s");
        registry.add("lead-export.destinations.crm-sftp-bad-login.password", () -> "not" + PASSWORD);
        destination(registry, "crm-sftp-late", latePort, "inbound", lateKnownHosts, 8, "200ms");
        registry.add("lead-export.destinations.crm-sftp-late.private-key-file", privateKey::toString);
        if (OpenSshServer.available()) {
            openSshDestinations(registry, base);
        }
        registry.add("lead-export.destinations.crm.type", () -> "http");
        registry.add("lead-export.destinations.crm.url", CRM::url);
        registry.add("lead-export.destinations.crm.bearer-token", () -> CRM_TOKEN);
        registry.add("lead-export.destinations.crm.batch-size", () -> "7");
        registry.add("lead-export.destinations.crm.retry-delay", () -> "100ms");
        registry.add("lead-export.destinations.crm.max-retries", () -> "4");
    }

    static final String CRM_TOKEN = "s3cret-token";

    private static CrmStub crmStub() {
        try {
            return new CrmStub(CRM_TOKEN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The destinations on the real OpenSSH server: an absolute folder, a folder relative to the login folder, the
     * login folder itself, a folder inside a chroot, and a folder that does not exist. The client key has a
     * passphrase.
     */
    private static void openSshDestinations(DynamicPropertyRegistry registry, Path base) throws Exception {
        Path key = OpenSshServer.keyPair(base.resolve("client_ed25519"), PASSPHRASE);
        sshd = OpenSshServer.start(base.resolve("sshd"), Files.readString(Path.of(key + ".pub")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sshd.close();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }));
        Path knownHosts = Files.writeString(base.resolve("known_hosts_openssh"), sshd.knownHostsLine());
        sshd.writableFolder(sshd.home().resolve("incoming"), OpenSshServer.USER);
        sshd.writableFolder(sshd.home().resolve("relative/leads"), OpenSshServer.USER);
        sshd.writableFolder(sshd.jail().resolve("upload"), OpenSshServer.JAILED_USER);
        Map<String, String[]> destinations = Map.of(
                "openssh-absolute", new String[] {OpenSshServer.USER, sshd.home().resolve("incoming").toString()},
                "openssh-relative", new String[] {OpenSshServer.USER, "relative/leads"},
                "openssh-login-folder", new String[] {OpenSshServer.USER, "."},
                "openssh-chroot", new String[] {OpenSshServer.JAILED_USER, "/upload"},
                "openssh-missing", new String[] {OpenSshServer.USER, sshd.home().resolve("no-such-folder").toString()});
        destinations.forEach((name, userAndFolder) -> {
            destination(registry, name, sshd.port(), userAndFolder[1], knownHosts, 1, "100ms");
            String prefix = "lead-export.destinations." + name + ".";
            registry.add(prefix + "username", () -> userAndFolder[0]);
            registry.add(prefix + "private-key-file", key::toString);
            registry.add(prefix + "private-key-passphrase", () -> PASSPHRASE);
        });
    }

    private static void destination(DynamicPropertyRegistry registry, String name, int port, String directory,
                                    Path knownHosts, int maxRetries, String retryDelay) {
        String prefix = "lead-export.destinations." + name + ".";
        registry.add(prefix + "type", () -> "sftp");
        registry.add(prefix + "host", () -> "127.0.0.1");
        registry.add(prefix + "port", () -> port);
        registry.add(prefix + "username", () -> SftpTestServer.USER);
        registry.add(prefix + "known-hosts-file", knownHosts::toString);
        registry.add(prefix + "directory", () -> directory);
        registry.add(prefix + "max-retries", () -> maxRetries);
        registry.add(prefix + "retry-delay", () -> retryDelay);
    }
}
