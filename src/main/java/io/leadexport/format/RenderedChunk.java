package io.leadexport.format;

/**
 * Records already rendered as a file's bytes by {@link LeadWriter#render}, ready to be written in one piece: encoding
 * happens on the format pool too, so the one writer thread only copies bytes.
 *
 * @param bytes   the records, exactly as the writer would have written them (UTF-8)
 * @param records how many records it holds
 */
public record RenderedChunk(byte[] bytes, int records) {
}
