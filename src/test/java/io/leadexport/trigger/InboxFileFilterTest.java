package io.leadexport.trigger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class InboxFileFilterTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentCutOffMidwayIsTruncated() throws IOException {
        assertThat(InboxFileFilter.truncated(write("{\"format\": \"csv\", "))).isTrue();
        assertThat(InboxFileFilter.truncated(write("{\"filter\": {\"status\": [\"new\""))).isTrue();
        assertThat(InboxFileFilter.truncated(write(""))).isTrue();
    }

    @Test
    void aCompleteOrPlainlyBrokenDocumentIsNot() throws IOException {
        assertThat(InboxFileFilter.truncated(write("{\"format\": \"csv\"}"))).isFalse();
        assertThat(InboxFileFilter.truncated(write("{\"format\": csv}"))).isFalse();
        assertThat(InboxFileFilter.truncated(write("{}\n"))).isFalse();
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "request", ".json");
        Files.writeString(file, content);
        return file;
    }
}
