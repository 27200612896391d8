package io.leadexport.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.converter.crypto.PGPDataFormat;
import org.apache.camel.converter.crypto.PGPDataFormatUtil;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.springframework.stereotype.Component;

/**
 * PGP encryption of what an SFTP destination with a {@code pgp-public-key-file} receives, with camel-crypto-pgp's
 * {@link PGPDataFormat} (Bouncy Castle): binary OpenPGP, AES-256, compressed, with an integrity packet, for the first
 * key ring of the file (its first user id names the recipient).
 * <p>
 * The data format is called here, from file to file, rather than as a {@code marshal: pgp} step: a marshal step
 * collects its whole output in memory (a byte array while stream caching is off, as it is in this application), and
 * an export can be large. Key files are checked at start-up, so a missing or unusable key stops the application, not
 * a delivery.
 */
@Component("pgpEncryption")
public class PgpEncryption {

    public static final String SUFFIX = ".pgp";

    private final CamelContext camel;

    public PgpEncryption(CamelContext camel, Destinations destinations) {
        this.camel = camel;
        for (String name : destinations.all()) {
            if (DestinationType.SFTP.key().equals(destinations.typeOf(name))
                    && destinations.get(name).pgpPublicKeyFile() != null) {
                try {
                    recipient(destinations.get(name).pgpPublicKeyFile());
                } catch (IOException | PGPException | RuntimeException e) {
                    throw new IllegalArgumentException("lead-export.destinations." + name + ".pgp-public-key-file: "
                            + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Encrypts {@code plain} into {@code target}, streaming; {@code name} is the file name recorded inside, the one a
     * recipient's {@code gpg} restores. A partial target is removed on failure.
     */
    public Path encrypt(Path publicKeyFile, InputStream plain, String name, Path target) throws Exception {
        PGPDataFormat format = new PGPDataFormat();
        format.setKeyFileName("file:" + publicKeyFile.toAbsolutePath());
        format.setKeyUserid(recipient(publicKeyFile));
        format.setAlgorithm(SymmetricKeyAlgorithmTags.AES_256);
        format.setFileName(name);
        ServiceHelper.startService(format);
        // A scratch exchange: the data format sets headers on its "out" message, which must not touch the route's.
        Exchange scratch = new DefaultExchange(camel);
        try (InputStream in = plain; OutputStream out = Files.newOutputStream(target)) {
            format.marshal(scratch, in, out);
        } catch (Exception e) {
            Files.deleteIfExists(target);
            throw e;
        } finally {
            ServiceHelper.stopService(format);
        }
        return target;
    }

    /** The first user id of the first key ring, checked to have a key that can encrypt. */
    static String recipient(Path publicKeyFile) throws IOException, PGPException {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(publicKeyFile))) {
            rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        }
        Iterator<PGPPublicKeyRing> first = rings.getKeyRings();
        if (!first.hasNext()) {
            throw new IllegalArgumentException("no public key in " + publicKeyFile);
        }
        Iterator<String> userIds = first.next().getPublicKey().getUserIDs();
        if (!userIds.hasNext()) {
            throw new IllegalArgumentException("the first key in " + publicKeyFile + " has no user id");
        }
        String userId = userIds.next();
        if (PGPDataFormatUtil.findPublicKeys(List.of(userId), true, rings).isEmpty()) {
            throw new IllegalArgumentException("the key of '" + userId + "' in " + publicKeyFile + " cannot encrypt");
        }
        return userId;
    }
}
