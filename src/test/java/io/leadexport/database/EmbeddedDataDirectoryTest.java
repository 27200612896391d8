package io.leadexport.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database's folder, checked before PostgreSQL starts on it. */
class EmbeddedDataDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void dataOfAnotherMajorVersionStopsTheStartUpSayingWhatToDo() throws IOException {
        Files.writeString(directory.resolve("PG_VERSION"), "14\n");

        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.checkDataDirectory(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written by PostgreSQL 14")
                .hasMessageContaining("this build runs PostgreSQL 16")
                .hasMessageContaining("lead-export.database.embedded-directory");
    }

    @Test
    void dataOfTheSameMajorVersionAndAnEmptyFolderAreFine() throws IOException {
        assertThatCode(() -> EmbeddedDatabaseConfiguration.checkDataDirectory(directory)).doesNotThrowAnyException();

        Files.writeString(directory.resolve("PG_VERSION"), "16\n");

        assertThatCode(() -> EmbeddedDatabaseConfiguration.checkDataDirectory(directory)).doesNotThrowAnyException();
    }
}
