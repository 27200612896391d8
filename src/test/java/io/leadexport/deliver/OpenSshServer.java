package io.leadexport.deliver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real OpenSSH server (Debian's {@code openssh-server}, {@code /usr/sbin/sshd}) on a free loopback port, with a host
 * key and a configuration of its own, serving SFTP with {@code internal-sftp}. Two local accounts log in with a public
 * key listed in this server's own folder:
 * <ul>
 * <li>{@link #USER}, whose login folder is {@link #home()} (an absolute path on this machine), as on a plain Linux
 * host;</li>
 * <li>{@link #JAILED_USER}, chrooted to {@link #jail()} (a root-owned folder), whose login folder is {@code /}
 * inside it, as CRMs set up their drop accounts.</li>
 * </ul>
 * sshd needs root (to switch users and to chroot), so the tests using it are skipped when not run as root or without
 * sshd, except under CI ({@code CI=true}), where they must run ({@code .ci/run} installs openssh-server).
 */
final class OpenSshServer implements AutoCloseable {

    static final String USER = "lxsftp";
    static final String JAILED_USER = "lxsftpjail";
    /** Root-owned on every step from {@code /}, as sshd insists for a chroot. */
    private static final Path JAILS = Path.of("/srv", "lead-export-test-jails");
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path base;
    private final Path hostKey;
    private final int port;
    private final String jailName = java.util.UUID.randomUUID().toString();
    private Process process;

    private OpenSshServer(Path base, int port) throws IOException {
        this.base = base;
        this.port = port;
        this.hostKey = base.resolve("ssh_host_ed25519_key");
    }

    /** Skips the calling test when sshd cannot run here (no sshd, not root), or fails under CI. */
    static void assumeAvailable() {
        String why = unavailable();
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: the OpenSSH tests are not skipped on CI)");
            }
            assumeTrue(false, why);
        }
    }

    /** Whether sshd can run here; under CI it must, and {@link #assumeAvailable} says so. */
    static boolean available() {
        return unavailable() == null || "true".equals(System.getenv("CI"));
    }

    private static String unavailable() {
        return !Files.isExecutable(SSHD) ? SSHD + " is missing (apt-get install openssh-server)"
                : !"root".equals(System.getProperty("user.name")) ? "sshd needs root to switch users and chroot" : null;
    }

    /**
     * Starts sshd in {@code base} (which must be a path whose every folder is root-owned and not writable by others,
     * as sshd insists for a chroot), authorising {@code clientPublicKey} for both accounts.
     */
    static OpenSshServer start(Path base, String clientPublicKey) throws IOException, InterruptedException {
        assumeAvailable();
        Files.createDirectories(base);
        OpenSshServer server = new OpenSshServer(base, freePort());
        server.createAccounts();
        server.writeConfiguration(clientPublicKey);
        server.launch();
        return server;
    }

    int port() {
        return port;
    }

    /** The non-chrooted account's login folder, owned by it. */
    Path home() {
        return base.resolve("home").resolve(USER);
    }

    /** The chroot of {@link #JAILED_USER}: root-owned; the account may write only in the folders made for it. */
    Path jail() {
        // Not under the checkout: sshd refuses a chroot below any folder writable by others (a clone under /tmp).
        return JAILS.resolve(jailName);
    }

    /** A folder the given account may write to (created with the account as owner). */
    Path writableFolder(Path folder, String owner) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        run("chown", owner, folder.toString());
        return folder;
    }

    /** The known_hosts line for this server's host key. */
    String knownHostsLine() throws IOException {
        String[] key = Files.readString(Path.of(hostKey + ".pub")).trim().split(" ");
        return "[127.0.0.1]:" + port + " " + key[0] + " " + key[1] + "\n";
    }

    /** The server's own log (sshd -e), for assertion messages. */
    String log() throws IOException {
        Path log = base.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Generates a key pair with {@code ssh-keygen} (OpenSSH's own format), encrypted with {@code passphrase} unless it
     * is empty.
     *
     * @return the private key file; the public key is beside it with {@code .pub}
     */
    static Path keyPair(Path file, String passphrase) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".pub"));
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "lead-export test", "-f", file.toString());
        return file;
    }

    private void createAccounts() throws IOException, InterruptedException {
        for (String user : List.of(USER, JAILED_USER)) {
            if (!exists(user)) {
                // Another test JVM may be creating it at the same moment: "already exists" (9) is fine.
                int status = exec("useradd", "--no-create-home", "--home-dir", "/nonexistent", "--shell",
                        "/usr/sbin/nologin", user);
                if (status != 0 && status != 9) {
                    throw new IOException("useradd " + user + " exited with " + status);
                }
            }
            // useradd leaves the password locked ("!"); with UsePAM no, sshd refuses a locked account even for
            // a key login. "*" means no password can match, without locking the account.
            run("usermod", "--password", "*", user);
        }
        Files.createDirectories(JAILS);
        Files.setPosixFilePermissions(JAILS, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(jail());
        writableFolder(home(), USER);
    }

    private void writeConfiguration(String clientPublicKey) throws IOException, InterruptedException {
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        Path keys = Files.createDirectories(base.resolve("authorized_keys"));
        Files.writeString(keys.resolve(USER), clientPublicKey);
        Files.writeString(keys.resolve(JAILED_USER), clientPublicKey);
        List<String> config = new ArrayList<>(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile none",
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AuthorizedKeysFile " + keys + "/%u",
                "Subsystem sftp internal-sftp",
                "Match User " + USER,
                "  ForceCommand internal-sftp -d " + home(),
                "Match User " + JAILED_USER,
                "  ChrootDirectory " + jail(),
                "  ForceCommand internal-sftp"));
        Files.write(base.resolve("sshd_config"), config, StandardCharsets.UTF_8);
    }

    private void launch() throws IOException {
        // sshd wants its privilege separation folder; Debian creates it only when the service starts.
        Files.createDirectories(Path.of("/run/sshd"));
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", base.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("sshd.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd stopped: " + log());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static boolean exists(String user) throws IOException, InterruptedException {
        return exec("getent", "passwd", user) == 0;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        int status = exec(command);
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + status);
        }
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
