package io.leadexport.export;

import java.util.List;

import io.leadexport.format.RenderedChunk;

/**
 * One chunk of an export after the format pool: the formatted records, or, where the format renders ahead, their
 * text (then the records are not kept).
 */
public record FormattedChunk(List<Object[]> records, RenderedChunk rendered) {

    public int size() {
        return rendered != null ? rendered.records() : records.size();
    }
}
