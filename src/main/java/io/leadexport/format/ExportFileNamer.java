package io.leadexport.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.leadexport.request.ExportFilter;
import io.leadexport.request.ExportRequest;
import io.leadexport.request.ExportTemplate;
import io.leadexport.request.TimeRange;

/**
 * {@code leads_export[_<template>][_<filter-slug>]_<yyyy-MM-dd_HHmmss>.<ext>} (docs/api.md, "Exporting with
 * GET"): only {@code [a-z0-9._-]}, at most 150 characters, also with the {@code _<job8>} a destination adds to a
 * taken name. A search shows as {@code search}, never its text (it is often a name, an e-mail or a phone number, and
 * file names travel far). A long slug is cut (with a short hash of the whole slug so that two
 * different long filters still get different names), never the timestamp.
 */
public final class ExportFileNamer {

    public static final int MAX_LENGTH = 150;
    /**
     * Room kept for {@code _<first 8 characters of the job id>}, which a destination adds when the name is taken, so
     * that the name stays within {@link #MAX_LENGTH} with it too.
     */
    static final int UNIQUE_SUFFIX_LENGTH = 9;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");

    private ExportFileNamer() {
    }

    public static String name(ExportRequest request, OffsetDateTime generatedAt) {
        String prefix = "leads_export" + (request.template() == ExportTemplate.FULL ? "" : "_" + request.template().key());
        String suffix = "_" + STAMP.format(generatedAt) + "." + request.format().extension();
        String slug = slug(request.filter());
        if (slug.isEmpty()) {
            return prefix + suffix;
        }
        int room = MAX_LENGTH - UNIQUE_SUFFIX_LENGTH - prefix.length() - suffix.length() - 1;
        if (slug.length() > room) {
            String hash = "-" + shortHash(slug);
            slug = trimSeparators(slug.substring(0, room - hash.length())) + hash;
        }
        return prefix + "_" + slug + suffix;
    }

    /** {@code status-new_created-2024-01-08-to-2024-01-14}: the criteria in a fixed order, empty when unfiltered. */
    static String slug(ExportFilter filter) {
        List<String> parts = new ArrayList<>();
        list(parts, "status", filter.statuses());
        list(parts, "policy", filter.policies());
        list(parts, "country", filter.countries());
        range(parts, "created", filter.created());
        range(parts, "updated", filter.updated());
        if (filter.search() != null) {
            // The search text is often a name, an e-mail or a phone: the name only says there was one.
            parts.add("search");
        }
        return String.join("_", parts);
    }

    private static void list(List<String> parts, String name, List<String> values) {
        if (!values.isEmpty()) {
            String joined = clean(String.join("-", values));
            parts.add(joined.isEmpty() ? name : name + "-" + joined);
        }
    }

    private static void range(List<String> parts, String name, TimeRange range) {
        String from = range.fromText() == null ? null : clean(range.fromText());
        String to = range.toText() == null ? null : clean(range.toText());
        if (from != null && to != null) {
            parts.add(name + "-" + from + "-to-" + to);
        } else if (from != null) {
            parts.add(name + "-from-" + from);
        } else if (to != null) {
            parts.add(name + "-to-" + to);
        }
    }

    /** Lower case ASCII letters, digits and single hyphens; accents dropped ("Zoë" becomes "zoe"). */
    static String clean(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String cleaned = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return trimSeparators(cleaned);
    }

    private static String trimSeparators(String text) {
        return text.replaceAll("^[-_]+|[-_]+$", "");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
