package io.leadexport.export;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExportTurnsTest {

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aSecondExportWaitsUntilTheFirstLeaves() throws Exception {
        ExportTurns turns = new ExportTurns(1, 60_000);
        assertThat(turns.take("a", () -> false)).isTrue();

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> take(turns, "b", () -> false), threads);

        assertThat(turns.take("a", () -> false)).as("the first keeps its turn until the turn is over").isTrue();
        assertThat(second).isNotDone();
        turns.leave("a");
        await().atMost(Duration.ofSeconds(5)).until(second::isDone);
        assertThat(second.get()).isTrue();
    }

    @Test
    void anExportWhoseTurnIsOverLetsAWaitingOneGoFirst() throws Exception {
        ExportTurns turns = new ExportTurns(1, 0);
        assertThat(turns.take("a", () -> false)).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> take(turns, "b", () -> false), threads);
        await().atMost(Duration.ofSeconds(5)).until(() -> turns.hasWaiting());

        CompletableFuture<Boolean> firstAgain = CompletableFuture.supplyAsync(() -> take(turns, "a", () -> false), threads);

        await().atMost(Duration.ofSeconds(5)).until(second::isDone);
        assertThat(second.get()).isTrue();
        assertThat(firstAgain).as("the first waits behind the second now").isNotDone();
        turns.leave("b");
        await().atMost(Duration.ofSeconds(5)).until(firstAgain::isDone);
        assertThat(firstAgain.get()).isTrue();
    }

    @Test
    void anExportAloneKeepsItsTurnWhenTheTurnIsOver() throws Exception {
        ExportTurns turns = new ExportTurns(1, 0);
        assertThat(turns.take("a", () -> false)).isTrue();

        assertThat(turns.take("a", () -> false)).isTrue();
        assertThat(turns.take("a", () -> false)).isTrue();
    }

    @Test
    void aCancelledExportStopsWaitingWithoutATurn() throws Exception {
        ExportTurns turns = new ExportTurns(1, 60_000);
        turns.take("a", () -> false);
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> take(turns, "b", cancelled::get), threads);

        cancelled.set(true);

        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
        assertThat(waiting.get()).isFalse();
        turns.leave("b"); // gives back nothing: "a" still holds the only turn
        assertThat(take(new ExportTurnsProbe(turns), "c")).isFalse();
    }

    @Test
    void asManyExportsAsThereAreTurnsWorkAtOnce() throws Exception {
        ExportTurns turns = new ExportTurns(2, 60_000);

        assertThat(turns.take("a", () -> false)).isTrue();
        assertThat(turns.take("b", () -> false)).isTrue();
        assertThat(take(new ExportTurnsProbe(turns), "c")).as("a third waits").isFalse();
        turns.leave("a");
        assertThat(turns.take("c", () -> false)).isTrue();
    }

    private static boolean take(ExportTurns turns, String run, java.util.function.BooleanSupplier cancelled) {
        try {
            return turns.take(run, cancelled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks for a turn and gives up after one check: whether one was free. */
    private record ExportTurnsProbe(ExportTurns turns) {
    }

    private static boolean take(ExportTurnsProbe probe, String run) {
        AtomicBoolean asked = new AtomicBoolean();
        return take(probe.turns(), run, () -> !asked.compareAndSet(false, true));
    }
}
