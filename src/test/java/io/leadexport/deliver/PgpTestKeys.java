package io.leadexport.deliver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.Date;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

/** A recipient's OpenPGP key pair made in the test, and the decryption a recipient would do. */
final class PgpTestKeys {

    static final String USER_ID = "Lead Export Test <leads@example.com>";

    private final PGPKeyRingGenerator rings;
    private final PGPPrivateKey privateKey;

    PgpTestKeys() throws PGPException {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        PGPKeyPair keyPair = new JcaPGPKeyPair(PGPPublicKey.RSA_GENERAL, SftpTestServer.rsaKeyPair(), new Date());
        rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, keyPair, USER_ID,
                new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1), null, null,
                new JcaPGPContentSignerBuilder(keyPair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256), null);
        privateKey = keyPair.getPrivateKey();
    }

    /** The public key ring, as the recipient would hand it over. */
    Path writePublicKey(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            rings.generatePublicKeyRing().encode(out);
        }
        return file;
    }

    record Decrypted(String fileName, byte[] content, boolean integrityChecked) {
    }

    Decrypted decrypt(byte[] encrypted) throws IOException, PGPException {
        JcaPGPObjectFactory objects = new JcaPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(encrypted)));
        Object first = objects.nextObject();
        PGPEncryptedDataList list = first instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) objects.nextObject();
        PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
        try (InputStream clear = data.getDataStream(
                new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(BouncyCastleProvider.PROVIDER_NAME).build(privateKey))) {
            Object message = new JcaPGPObjectFactory(clear).nextObject();
            if (message instanceof PGPCompressedData compressed) {
                message = new JcaPGPObjectFactory(compressed.getDataStream()).nextObject();
            }
            PGPLiteralData literal = (PGPLiteralData) message;
            byte[] content = literal.getInputStream().readAllBytes();
            return new Decrypted(literal.getFileName(), content, data.isIntegrityProtected() && data.verify());
        }
    }
}
