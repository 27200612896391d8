package io.leadexport.format;

/**
 * Records already rendered as a file's text by {@link LeadWriter#render}, ready to be written in one piece.
 *
 * @param text    the records' text, exactly as the writer would have written them
 * @param records how many records it holds
 */
public record RenderedChunk(String text, int records) {
}
