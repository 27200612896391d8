package io.leadexport.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The ordered hand-off of the parallel pipeline: order, failures, cancel, bounded read-ahead. */
class FormattedChunksTest {

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final ExecutorService formatters = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPools() {
        readers.shutdownNow();
        formatters.shutdownNow();
    }

    @Test
    void chunksComeOutInRowOrderEvenWhenALaterChunkIsFormattedFirst() {
        // The first chunk may only finish after the second one has: the pool formats out of order.
        CountDownLatch secondFormatted = new CountDownLatch(1);
        Function<List<Integer>, List<Object[]>> format = chunk -> {
            if (chunk.get(0) == 0) {
                awaitLatch(secondFormatted);
            }
            List<Object[]> records = asRecords(chunk);
            if (chunk.get(0) == 7) {
                secondFormatted.countDown();
            }
            return records;
        };

        List<Integer> written = drain(chunks(new Counting(10_000), 7, 8, format, () -> false));

        assertThat(written).hasSize(10_000);
        for (int i = 0; i < written.size(); i++) {
            assertThat(written.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aFailureInOneChunkFailsTheWholeStreamAndStopsTheReader() {
        Counting rows = new Counting(1_000_000);
        IllegalStateException failure = new IllegalStateException("cannot format row 500");
        FormattedChunks<Integer, List<Object[]>> chunks = chunks(rows, 10, 4, chunk -> {
            if (chunk.contains(500)) {
                throw failure;
            }
            return asRecords(chunk);
        }, () -> false);

        List<Integer> written = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (chunks.hasNext()) {
                chunks.next().forEach(record -> written.add((Integer) record[0]));
            }
        }).isSameAs(failure);
        chunks.close();

        assertThat(written).hasSize(500).last().isEqualTo(499);
        int readWhenClosed = rows.read.get();
        assertThat(readWhenClosed).isLessThan(1_000_000);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> rows.read.get() == readWhenClosed);
    }

    @Test
    void aFailureReadingTheRowsSurfacesAfterTheRowsBeforeIt() {
        RuntimeException failure = new RuntimeException("connection lost");
        Iterator<Integer> rows = new Counting(1_000) {
            @Override
            public Integer next() {
                Integer row = super.next();
                if (row == 333) {
                    throw failure;
                }
                return row;
            }
        };
        FormattedChunks<Integer, List<Object[]>> chunks = chunks(rows, 10, 4, FormattedChunksTest::asRecords, () -> false);

        List<Integer> written = new ArrayList<>();
        assertThatThrownBy(() -> {
            while (chunks.hasNext()) {
                chunks.next().forEach(record -> written.add((Integer) record[0]));
            }
        }).isSameAs(failure);
        chunks.close();

        assertThat(written).hasSize(330);
    }

    @Test
    void aCancelEndsTheStreamAtOnceAndTheReaderStops() {
        Counting rows = new Counting(Integer.MAX_VALUE);
        AtomicBoolean cancelled = new AtomicBoolean();
        FormattedChunks<Integer, List<Object[]>> chunks = chunks(rows, 10, 4, FormattedChunksTest::asRecords, cancelled::get);
        assertThat(chunks.hasNext()).isTrue();
        chunks.next();

        cancelled.set(true);

        assertThat(chunks.hasNext()).isFalse();
        chunks.close();
        int readWhenClosed = rows.read.get();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2))
                .until(() -> rows.read.get() == readWhenClosed);
    }

    @Test
    void theReaderStaysABoundedNumberOfChunksAheadOfASlowWriter() {
        Counting rows = new Counting(1_000_000);
        FormattedChunks<Integer, List<Object[]>> chunks = chunks(rows, 10, 3, FormattedChunksTest::asRecords, () -> false);

        // Nothing is consumed: the reader fills the queue (3 chunks), holds one more it cannot queue, and waits.
        await().atMost(Duration.ofSeconds(5)).until(() -> rows.read.get() >= 40);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rows.read.get() <= 40);
        assertThat(drainSome(chunks, 5)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45,
                46, 47, 48, 49);
        chunks.close();
    }

    @Test
    void closingTwiceAndIteratingAfterCloseAreHarmless() {
        FormattedChunks<Integer, List<Object[]>> chunks = chunks(new Counting(100), 10, 4, FormattedChunksTest::asRecords, () -> false);
        chunks.close();
        chunks.close();
        assertThat(chunks.hasNext()).isFalse();
    }

    @Test
    void anEmptyStreamHasNoChunks() {
        assertThat(drain(chunks(new Counting(0), 10, 4, FormattedChunksTest::asRecords, () -> false))).isEmpty();
    }

    private FormattedChunks<Integer, List<Object[]>> chunks(Iterator<Integer> rows, int chunkSize, int ahead,
                                                            Function<List<Integer>, List<Object[]>> format,
                                                            java.util.function.BooleanSupplier stopped) {
        return new FormattedChunks<>(rows, chunkSize, ahead, (chunk, firstRow) -> {
            if (firstRow != chunk.get(0) + 1) {
                throw new AssertionError("chunk starting at row " + chunk.get(0) + " said it starts at " + firstRow);
            }
            return format.apply(chunk);
        }, readers, formatters, stopped);
    }

    private static List<Integer> drain(FormattedChunks<Integer, List<Object[]>> chunks) {
        List<Integer> written = new ArrayList<>();
        try (chunks) {
            while (chunks.hasNext()) {
                chunks.next().forEach(record -> written.add((Integer) record[0]));
            }
        }
        return written;
    }

    private static List<Integer> drainSome(FormattedChunks<Integer, List<Object[]>> chunks, int count) {
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < count && chunks.hasNext(); i++) {
            chunks.next().forEach(record -> written.add((Integer) record[0]));
        }
        return written;
    }

    private static List<Object[]> asRecords(List<Integer> chunk) {
        return chunk.stream().map(row -> new Object[] {row}).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the second chunk was never formatted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Rows 0, 1, 2, ... up to a limit, counting how many were read. */
    private static class Counting implements Iterator<Integer> {

        final AtomicInteger read = new AtomicInteger();
        private final int limit;

        Counting(int limit) {
            this.limit = limit;
        }

        @Override
        public boolean hasNext() {
            return read.get() < limit;
        }

        @Override
        public Integer next() {
            return read.getAndIncrement();
        }
    }
}
