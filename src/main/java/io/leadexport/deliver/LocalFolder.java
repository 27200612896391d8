package io.leadexport.deliver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Puts files into a local folder without ever replacing one. Each file is written under a temporary name of its own
 * job ({@code .<name>.<job id>.part}, created exclusively), then published with a hard link, which fails when the name
 * is taken, whoever took it, and the temporary name is removed. {@code Files.move} would not do: a rename replaces an
 * existing file, and checking first leaves a gap another writer can fall into. On a file system without hard links
 * the file is moved without replacing, which is the best that file system allows.
 */
final class LocalFolder {

    /** What to write: opened once, closed by the caller of {@link #publish}. */
    interface Content {
        InputStream open() throws IOException;
    }

    private final Path directory;
    private final String jobId;

    LocalFolder(Path directory, String jobId) {
        this.directory = directory;
        this.jobId = jobId;
    }

    /**
     * Publishes {@code content} as {@code name}, or as {@code fallbackName} when {@code name} is taken.
     *
     * @param fallbackName null when there is no other name to try
     * @return where the file now is
     * @throws FileAlreadyExistsException when every name to try is taken
     */
    Path publish(Content content, String name, String fallbackName) throws IOException {
        Path part = directory.resolve("." + name + "." + jobId + ".part");
        try {
            try (InputStream in = content.open();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                in.transferTo(out);
            }
            try {
                return link(part, directory.resolve(name));
            } catch (FileAlreadyExistsException taken) {
                if (fallbackName == null) {
                    throw taken;
                }
                return link(part, directory.resolve(fallbackName));
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static Path link(Path part, Path target) throws IOException {
        try {
            return Files.createLink(target, part);
        } catch (FileAlreadyExistsException taken) {
            throw new FileAlreadyExistsException(target.toString(), null, "a file of that name is already there");
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // No REPLACE_EXISTING: an existing target fails with FileAlreadyExistsException.
            return Files.move(part, target);
        }
    }
}
