package io.leadexport.deliver;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server in-process (Apache MINA SSHD) on 127.0.0.1, its root a local folder: a host key of its own, one
 * user who logs in with a public key or a password. It records the renames it performed, in order, and can be told
 * to refuse renames, as a server with a full disk or a quota might.
 */
final class SftpTestServer {

    static final String USER = "leads";

    private final Path root;
    private final KeyPair hostKey = rsaKeyPair();
    private final PublicKey clientKey;
    private final String password;
    private final List<String> renamedTo = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refuseRenames;
    private SshServer server;

    SftpTestServer(Path root, PublicKey clientKey, String password) throws IOException {
        this.root = Files.createDirectories(root);
        this.clientKey = clientKey;
        this.password = password;
    }

    /** Starts on {@code port}, or on a free port when it is 0. */
    SftpTestServer start(int port) throws IOException {
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void moving(ServerSession session, Path source, Path target, Collection<CopyOption> options)
                    throws IOException {
                if (refuseRenames) {
                    throw new IOException("renames are refused");
                }
            }

            @Override
            public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options,
                              Throwable thrown) {
                if (thrown == null) {
                    renamedTo.add(target.getFileName().toString());
                }
            }
        });
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(clientKey, key));
        server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        server.start();
        return this;
    }

    void stop() throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }

    int port() {
        return server.getPort();
    }

    Path folder(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** How many SSH connections clients opened so far. */
    int connections() {
        return connections.get();
    }

    /** The names files were renamed to, in the order the server renamed them. */
    List<String> renamedTo() {
        return List.copyOf(renamedTo);
    }

    void refuseRenames(boolean refuse) {
        this.refuseRenames = refuse;
    }

    /** The known_hosts line for this server's host key on {@code port}. */
    String knownHostsLine(int port) {
        return knownHostsLine(port, hostKey.getPublic());
    }

    static String knownHostsLine(int port, PublicKey hostKey) {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n";
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a private key in the OpenSSH format, which JSch reads. */
    static Path writePrivateKey(KeyPair keyPair, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "lead-export test",
                    (OpenSSHKeyEncryptionContext) null, out);
        }
        return file;
    }
}
