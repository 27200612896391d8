package io.leadexport.deliver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFolderTest {

    private static final String NAME = "leads_export_2024-01-08_020000.csv";

    @TempDir
    Path dir;

    @Test
    void aFreeNameIsUsedAsItIsAndNoTemporaryFileStays() throws IOException {
        Path target = new LocalFolder(dir, "1f2e3d4c-aaaa").publish(content("one"), NAME, "fallback.csv");

        assertThat(target).isEqualTo(dir.resolve(NAME));
        assertThat(Files.readString(target)).isEqualTo("one");
        assertThat(names()).containsExactly(NAME);
    }

    @Test
    void aTakenNameIsNeverReplaced() throws IOException {
        Files.writeString(dir.resolve(NAME), "already there");

        Path target = new LocalFolder(dir, "1f2e3d4c-aaaa").publish(content("new"), NAME, "fallback.csv");

        assertThat(target).isEqualTo(dir.resolve("fallback.csv"));
        assertThat(Files.readString(dir.resolve(NAME))).isEqualTo("already there");
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void whenEveryNameIsTakenNothingIsReplacedAndNothingLeftBehind() throws IOException {
        Files.writeString(dir.resolve(NAME), "first");
        Files.writeString(dir.resolve("fallback.csv"), "second");

        assertThatThrownBy(() -> new LocalFolder(dir, "1f2e3d4c-aaaa").publish(content("third"), NAME, "fallback.csv"))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("fallback.csv");
        assertThat(Files.readString(dir.resolve(NAME))).isEqualTo("first");
        assertThat(Files.readString(dir.resolve("fallback.csv"))).isEqualTo("second");
        assertThat(names()).containsExactlyInAnyOrder(NAME, "fallback.csv");
    }

    /** Many rounds of two jobs publishing the same name at the same moment: each file arrives whole, once. */
    @Test
    void twoDeliveriesRacingForOneNameBothArriveWholeUnderDifferentNames() throws Exception {
        String big = "x".repeat(200_000);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                Path folder = Files.createDirectory(dir.resolve("round-" + round));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Path>> published = new ArrayList<>();
                for (String job : List.of("aaaaaaaa-job", "bbbbbbbb-job")) {
                    String unique = SftpUniqueName.unique(NAME, NAME, job);
                    published.add(threads.submit(() -> {
                        start.await();
                        return new LocalFolder(folder, job).publish(content(job + big), NAME, unique);
                    }));
                }
                Path first = published.get(0).get();
                Path second = published.get(1).get();

                assertThat(List.of(first.getFileName().toString(), second.getFileName().toString()))
                        .as("round %d", round).containsAnyOf(NAME)
                        .containsAnyOf("leads_export_2024-01-08_020000_aaaaaaaa.csv",
                                "leads_export_2024-01-08_020000_bbbbbbbb.csv");
                assertThat(Files.readString(first)).isEqualTo("aaaaaaaa-job" + big);
                assertThat(Files.readString(second)).isEqualTo("bbbbbbbb-job" + big);
                try (Stream<Path> files = Files.list(folder)) {
                    assertThat(files).as("round %d: no temporary file", round).hasSize(2);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static LocalFolder.Content content(String text) {
        return () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
