package io.leadexport.query;

import java.util.List;

/** One page of a list (jobs, history): {@code {items, page, size, total}}. */
public record Page(List<?> items, int page, int size, long total) {
}
