package io.leadexport.export;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folders exports are written in, under {@code lead-export.storage.directory}: a background job's attempt writes
 * in {@code <jobId>/attempt-<n>/}, so an attempt whose lease was taken over never touches the files of the attempt
 * that took over; a synchronous download writes in {@code <downloadId>/}. Files of the previous layout
 * ({@code <jobId>/<file>}) stay where they are and are still served. Whether a folder may be removed is decided
 * from the database (the job's attempt and status, the download's slot), never from its name alone.
 */
public final class ExportFolders {

    private static final Pattern ATTEMPT = Pattern.compile("attempt-([1-9][0-9]{0,8})");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ExportFolders() {
    }

    /** The folder of a run: the job's attempt folder, or the download's own folder when {@code attempt} is 0. */
    public static Path of(Path storage, String id, int attempt) {
        Path folder = storage.resolve(id);
        return attempt > 0 ? folder.resolve(attempt(attempt)) : folder;
    }

    public static String attempt(int attempt) {
        return "attempt-" + attempt;
    }

    /** The attempt an {@code attempt-<n>} folder name stands for. */
    public static OptionalInt attemptOf(String folderName) {
        Matcher matcher = ATTEMPT.matcher(folderName);
        return matcher.matches() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** Whether a folder name could be a job's or a download's (a lower-case UUID); the database decides if it is. */
    public static boolean isId(String folderName) {
        return UUID.matcher(folderName).matches();
    }
}
