package io.leadexport.request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.leadexport.request.InvalidExportRequestException.FieldError;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns what a trigger received (a JSON body or file, or the query string of a GET) into a validated
 * {@link ExportRequest}. Strict: unknown properties, unknown values and reversed ranges are errors that name the
 * field and the allowed values, so that a typo never silently exports everything.
 */
@Component("exportRequestParser")
public class ExportRequestParser {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final int MAX_SEARCH_LENGTH = 200;
    private static final int MAX_LIST_SIZE = 100;
    private static final int MAX_LABEL_LENGTH = 100;

    private final ObjectMapper strictMapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ZoneId zone;
    private final int maxBytes;
    private final DestinationNames destinations;
    private final PresetLookup presets;

    @Autowired
    public ExportRequestParser(RequestProperties properties, DestinationNames destinations, PresetLookup presets) {
        this.zone = properties.zone();
        this.maxBytes = properties.maxRequestBytes();
        this.destinations = destinations;
        this.presets = presets;
    }

    /** A parser for requests that name no preset. */
    public ExportRequestParser(RequestProperties properties, DestinationNames destinations) {
        this(properties, destinations, PresetLookup.NONE);
    }

    /** Parses a JSON request body or filter file that may name a shared preset only (an inbox file, a schedule). */
    public ExportRequest fromJsonBytes(byte[] json) {
        return fromJsonBytes(json, null);
    }

    /**
     * Parses a JSON request body or filter file. An empty body is the default request. A request that names a
     * {@code preset} is laid over the preset's request as a JSON merge patch (RFC 7386): the request's own keys win,
     * objects such as {@code filter} are merged key by key, and a {@code null} removes the preset's value.
     *
     * @param presetOwner the caller, whose own presets come before the shared ones; null: shared presets only
     */
    public ExportRequest fromJsonBytes(byte[] json, String presetOwner) {
        // The size first: an oversized body is rejected whatever it holds, and never decoded.
        if (json != null && json.length > maxBytes) {
            throw new InvalidExportRequestException(
                    FieldError.of("body", "is " + json.length + " bytes; at most " + maxBytes + " are accepted"));
        }
        // Text that is not UTF-8 is refused, never decoded with replacement characters.
        String text = json == null ? "" : RequestText.utf8("body", json);
        if (text.isBlank()) {
            return validate(new ExportRequestDocument(null, null, null, null, null, null, null));
        }
        ExportRequestDocument own = readDocument(json);
        if (own == null) {
            throw new InvalidExportRequestException(FieldError.of("body", "must be a JSON object, not null"));
        }
        if (own.preset() == null) {
            return validate(own);
        }
        String name = own.preset().strip();
        ObjectNode preset = presets.find(name, presetOwner).orElseThrow(() -> new InvalidExportRequestException(
                new FieldError("preset", "'" + own.preset() + "' is not a preset"
                        + (presetOwner == null ? " shared by an ADMIN" : " of yours or a shared one"),
                        presets.names(presetOwner))));
        return withPreset(json, name, preset);
    }

    /** A request laid over a preset's request (see {@link #fromJsonBytes(byte[], String)}), validated. */
    public ExportRequest withPreset(byte[] json, String name, ObjectNode preset) {
        try {
            ObjectNode merged = preset.deepCopy();
            mergePatch(merged, strictMapper.readTree(json));
            merged.put("preset", name);
            return validate(readDocument(strictMapper.writeValueAsBytes(merged)));
        } catch (IOException e) {
            throw new InvalidExportRequestException(FieldError.of("body", "could not be read: " + e.getMessage()));
        }
    }

    /** Parses a JSON request that may name a shared preset only. */
    public ExportRequest fromJson(String json) {
        return fromJsonBytes(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a JSON request that may name this caller's presets or shared ones. */
    public ExportRequest fromJson(String json, String presetOwner) {
        return fromJsonBytes(json == null ? null : json.getBytes(StandardCharsets.UTF_8), presetOwner);
    }

    /**
     * Parses a request as a job stored it ({@link RequestSummary#request}, which always lists the fields). It is
     * already merged with its preset, whose name it keeps for the record: the preset is not applied again, so a
     * preset changed since the job was queued does not change the job. Fields that are exactly what the template
     * gives under the national-ID policy are the template's, not a custom choice, so the file describes a background
     * export as it describes the same export downloaded at once.
     */
    public ExportRequest fromStoredJson(String json) {
        ExportRequest request = validate(readDocument(json.getBytes(StandardCharsets.UTF_8)));
        List<LeadField> templateFields = request.template().fields().stream()
                .filter(f -> request.nationalId() != NationalIdPolicy.OMITTED || f != LeadField.NATIONAL_ID).toList();
        if (request.customFields() && request.fields().equals(templateFields)) {
            return new ExportRequest(request.format(), request.template(), false, request.fields(), request.filter(),
                    request.nationalId(), request.destination(), request.csvBom(), request.preset(), request.labels(),
                    request.notifyWhenDone());
        }
        return request;
    }

    /** Validates a preset's request as it is saved: a request without a preset of its own or a destination. */
    public ExportRequest fromPresetJson(byte[] json) {
        ExportRequestDocument doc = readDocument(json);
        List<FieldError> errors = new ArrayList<>();
        if (doc.preset() != null) {
            errors.add(FieldError.of("preset", "a preset cannot name another preset"));
        }
        if (doc.destination() != null) {
            errors.add(FieldError.of("destination", "a preset never holds a destination: where a file goes is the "
                    + "choice of the request or the schedule that uses the preset"));
        }
        try {
            ExportRequest request = validate(doc);
            if (errors.isEmpty()) {
                return request;
            }
        } catch (InvalidExportRequestException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidExportRequestException(errors);
    }

    /** RFC 7386: objects merge key by key, null removes, anything else replaces. */
    private static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> entries = patch.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(entry.getKey());
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergePatch((ObjectNode) existing, value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        }
    }

    /**
     * Parses the query string of {@code GET /api/leads/export} ({@code fields=a,b}, {@code status=new,contacted}, the
     * filter criteria as top-level parameters). Unknown parameters are errors, as unknown JSON properties are.
     */
    public ExportRequest fromQueryString(String rawQuery) {
        Map<String, List<String>> params = decodeQuery(rawQuery);
        List<FieldError> errors = new ArrayList<>();
        for (String name : params.keySet()) {
            if (!QUERY_PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "is not a known parameter", QUERY_PARAMETERS));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidExportRequestException(errors);
        }
        ExportRequestDocument.Filter filter = new ExportRequestDocument.Filter(
                list(params, "status"), list(params, "policy"), list(params, "country"),
                single(params, "createdFrom"), single(params, "createdTo"),
                single(params, "updatedFrom"), single(params, "updatedTo"), single(params, "search"));
        String csvBom = single(params, "csvBom");
        return validate(new ExportRequestDocument(single(params, "format"), single(params, "template"),
                list(params, "fields"), filter, single(params, "nationalId"), null,
                csvBom == null ? null : Boolean.parseBoolean(csvBom)));
    }

    static final List<String> QUERY_PARAMETERS = List.of("format", "template", "fields", "status", "policy", "country",
            "createdFrom", "createdTo", "updatedFrom", "updatedTo", "search", "nationalId", "csvBom");

    private ExportRequestDocument readDocument(byte[] json) {
        try {
            return strictMapper.readValue(json, ExportRequestDocument.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            throw new InvalidExportRequestException(
                    new FieldError(path(e), "is not a known property", known));
        } catch (JsonParseException e) {
            throw new InvalidExportRequestException(FieldError.of("body", "is not valid JSON: "
                    + RequestText.shortened(e.getOriginalMessage()) + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (JsonMappingException e) {
            if (path(e).isEmpty()) {
                throw new InvalidExportRequestException(FieldError.of("body", "must be a JSON object"));
            }
            throw new InvalidExportRequestException(FieldError.of(path(e), "has the wrong type: "
                    + RequestText.shortened(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidExportRequestException(FieldError.of("body", "could not be read: " + e.getMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Validates a document; every problem is reported at once. */
    public ExportRequest validate(ExportRequestDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        checkText(doc, errors);
        if (!errors.isEmpty()) {
            throw new InvalidExportRequestException(errors);
        }

        ExportFormat format = ExportFormat.CSV;
        if (doc.format() != null) {
            format = ExportFormat.byKey(doc.format().trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (format == null) {
                errors.add(new FieldError("format", "'" + doc.format() + "' is not a format",
                        keys(ExportFormat.values(), ExportFormat::key)));
            }
        }

        ExportTemplate template = ExportTemplate.FULL;
        if (doc.template() != null) {
            template = ExportTemplate.byKey(doc.template().trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (template == null) {
                errors.add(new FieldError("template", "'" + doc.template() + "' is not a template",
                        keys(ExportTemplate.values(), ExportTemplate::key)));
            }
        }

        NationalIdPolicy nationalId = NationalIdPolicy.MASKED;
        if (doc.nationalId() != null) {
            nationalId = NationalIdPolicy.byKey(doc.nationalId().trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (nationalId == null) {
                errors.add(new FieldError("nationalId", "'" + doc.nationalId() + "' is not a national-ID policy",
                        keys(NationalIdPolicy.values(), NationalIdPolicy::key)));
            }
        }

        List<LeadField> fields = template == null ? List.of() : template.fields();
        boolean customFields = doc.fields() != null;
        if (customFields && template != null && template.profile().isPresent()) {
            // A CRM profile's columns are what its CRM imports; a stored job lists them as its fields.
            List<String> columns = template.columnKeys();
            if (!columns.equals(doc.fields())) {
                errors.add(new FieldError("fields", "template '" + template.key() + "' is a CRM profile with "
                        + "columns of its own; leave fields out or choose another template", columns));
            }
            customFields = false;
        } else if (customFields) {
            fields = parseFields(doc.fields(), errors);
        }
        if (nationalId == NationalIdPolicy.OMITTED) {
            fields = fields.stream().filter(f -> f != LeadField.NATIONAL_ID).toList();
        }
        if (customFields && fields.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("fields", "must name at least one field that is exported"));
        }

        String destination = ExportRequest.DOWNLOAD;
        if (doc.destination() != null) {
            destination = doc.destination().trim();
            if (!destinations.all().contains(destination)) {
                errors.add(new FieldError("destination", "'" + doc.destination() + "' is not a configured destination",
                        List.copyOf(destinations.all())));
            }
        }

        if (destination != null && destinations.all().contains(destination)) {
            ExportFormat required = destinations.requiredFormat(destination).orElse(null);
            if (required != null && doc.format() == null) {
                format = required;
            } else if (required != null && format != null && format != required) {
                errors.add(new FieldError("format", "destination '" + destination + "' receives "
                        + required.key() + "; use format " + required.key(), List.of(required.key())));
            }
        }

        boolean csvBom = Boolean.TRUE.equals(doc.csvBom());
        if (csvBom && format != null && format != ExportFormat.CSV) {
            errors.add(FieldError.of("csvBom", "applies to the csv format only"));
        }

        ExportFilter filter = parseFilter(doc.filter(), errors);

        String preset = doc.preset() == null ? null : doc.preset().strip();
        Map<String, String> labels = template == null ? Map.of()
                : parseLabels(doc.labels(), new ExportRequest(ExportFormat.CSV, template, customFields, fields,
                        ExportFilter.NONE, NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, false), errors);

        if (!errors.isEmpty()) {
            throw new InvalidExportRequestException(errors);
        }
        return new ExportRequest(format, template, customFields, fields, filter, nationalId, destination, csvBom,
                preset, labels, !Boolean.FALSE.equals(doc.notifyWhenDone()));
    }

    /** Header overrides: keyed by the export's column keys, one line of text each, no two columns alike. */
    private static Map<String, String> parseLabels(Map<String, String> labels, ExportRequest columnsOf,
                                                   List<FieldError> errors) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        List<String> keys = columnsOf.columnKeys();
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String field = "labels." + label.getKey();
            String text = label.getValue() == null ? "" : label.getValue().strip();
            if (!keys.contains(label.getKey())) {
                errors.add(new FieldError(field, "'" + label.getKey() + "' is not a column of this export", keys));
            } else if (text.isEmpty()) {
                errors.add(FieldError.of(field, "is empty"));
            } else if (text.length() > MAX_LABEL_LENGTH) {
                errors.add(FieldError.of(field, "is longer than " + MAX_LABEL_LENGTH + " characters"));
            } else if (text.chars().anyMatch(Character::isISOControl)) {
                errors.add(FieldError.of(field, "must be one line of text without control characters"));
            } else {
                parsed.put(label.getKey(), text);
            }
        }
        ExportRequest relabelled = new ExportRequest(columnsOf.format(), columnsOf.template(), columnsOf.customFields(),
                columnsOf.fields(), ExportFilter.NONE, NationalIdPolicy.MASKED, ExportRequest.DOWNLOAD, false, null,
                parsed, true);
        Set<String> headers = new HashSet<>();
        for (ExportColumn column : relabelled.columns()) {
            if (!headers.add(column.label().toLowerCase(Locale.ROOT))) {
                errors.add(FieldError.of("labels", "two columns would both be named '" + column.label() + "'"));
            }
        }
        return parsed;
    }

    /** Every value is text a request may hold (see {@link RequestText}), before any message repeats one. */
    private static void checkText(ExportRequestDocument doc, List<FieldError> errors) {
        RequestText.check("format", doc.format(), errors);
        RequestText.check("template", doc.template(), errors);
        RequestText.check("fields", doc.fields(), errors);
        RequestText.check("nationalId", doc.nationalId(), errors);
        RequestText.check("destination", doc.destination(), errors);
        RequestText.check("preset", doc.preset(), errors);
        ExportRequestDocument.Filter filter = doc.filter();
        if (filter != null) {
            RequestText.check("filter.status", filter.status(), errors);
            RequestText.check("filter.policy", filter.policy(), errors);
            RequestText.check("filter.country", filter.country(), errors);
            RequestText.check("filter.createdFrom", filter.createdFrom(), errors);
            RequestText.check("filter.createdTo", filter.createdTo(), errors);
            RequestText.check("filter.updatedFrom", filter.updatedFrom(), errors);
            RequestText.check("filter.updatedTo", filter.updatedTo(), errors);
            RequestText.check("filter.search", filter.search(), errors);
        }
    }

    private static List<LeadField> parseFields(List<String> keys, List<FieldError> errors) {
        List<String> allowed = keys(LeadField.values(), LeadField::key);
        List<LeadField> fields = new ArrayList<>();
        Set<LeadField> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i) == null ? "" : keys.get(i).trim();
            LeadField field = LeadField.byKey(key).orElse(null);
            if (field == null) {
                errors.add(new FieldError("fields[" + i + "]", "'" + keys.get(i) + "' is not a field", allowed));
            } else if (!seen.add(field)) {
                errors.add(FieldError.of("fields[" + i + "]", "'" + key + "' is listed twice"));
            } else {
                fields.add(field);
            }
        }
        if (keys.isEmpty()) {
            errors.add(new FieldError("fields", "must name at least one field", allowed));
        }
        return fields;
    }

    private ExportFilter parseFilter(ExportRequestDocument.Filter doc, List<FieldError> errors) {
        if (doc == null) {
            return ExportFilter.NONE;
        }
        List<String> statuses = new ArrayList<>();
        each(doc.status(), "filter.status", errors, (value, field) -> {
            String status = value.toLowerCase(Locale.ROOT);
            if (LeadStatus.ALL.contains(status)) {
                statuses.add(status);
            } else {
                errors.add(new FieldError(field, "'" + value + "' is not a lead status", LeadStatus.ALL));
            }
        });
        List<String> policies = new ArrayList<>();
        each(doc.policy(), "filter.policy", errors, (value, field) -> policies.add(value));
        List<String> countries = new ArrayList<>();
        each(doc.country(), "filter.country", errors, (value, field) -> {
            if (COUNTRY.matcher(value).matches()) {
                countries.add(value.toUpperCase(Locale.ROOT));
            } else {
                errors.add(FieldError.of(field, "'" + value + "' is not an ISO 3166-1 alpha-2 country code (e.g. US)"));
            }
        });
        TimeRange created = range("filter.created", doc.createdFrom(), doc.createdTo(), errors);
        TimeRange updated = range("filter.updated", doc.updatedFrom(), doc.updatedTo(), errors);

        String search = doc.search() == null ? null : doc.search().strip();
        if (search != null && search.isEmpty()) {
            search = null;
        }
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            errors.add(FieldError.of("filter.search", "is longer than " + MAX_SEARCH_LENGTH + " characters"));
        }
        return new ExportFilter(distinct(statuses), distinct(policies), distinct(countries), created, updated, search);
    }

    private interface ValueCheck {
        void check(String value, String field);
    }

    private static void each(List<String> values, String field, List<FieldError> errors, ValueCheck check) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_LIST_SIZE) {
            errors.add(FieldError.of(field, "lists more than " + MAX_LIST_SIZE + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).strip();
            if (value.isEmpty()) {
                errors.add(FieldError.of(field + "[" + i + "]", "is empty"));
            } else {
                check.check(value, field + "[" + i + "]");
            }
        }
    }

    private TimeRange range(String prefix, String fromText, String toText, List<FieldError> errors) {
        Instant from = null;
        Instant toExclusive = null;
        String from0 = blankToNull(fromText);
        String to0 = blankToNull(toText);
        if (from0 != null) {
            from = parseBound(prefix + "From", from0, false, errors);
        }
        if (to0 != null) {
            toExclusive = parseBound(prefix + "To", to0, true, errors);
        }
        if (from != null && toExclusive != null && !from.isBefore(toExclusive)) {
            errors.add(FieldError.of(prefix + "From", "'" + from0 + "' is after " + prefix + "To '" + to0 + "'"));
        }
        return new TimeRange(from, toExclusive, from0, to0);
    }

    /**
     * A bound is a date (the whole day in the export zone) or an ISO-8601 instant; both ends are inclusive, so an
     * upper bound becomes the start of the next day, or the instant plus one microsecond (PostgreSQL's precision).
     */
    private Instant parseBound(String field, String text, boolean upper, List<FieldError> errors) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (upper ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException withoutOffset) {
                instant = LocalDateTime.parse(text).atZone(zone).toInstant();
            }
            instant = instant.truncatedTo(ChronoUnit.MICROS);
            return upper ? instant.plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeException e) {
            errors.add(FieldError.of(field, "'" + text
                    + "' is not a date (yyyy-MM-dd) or an ISO-8601 instant (2024-01-08T09:30:00Z)"));
            return null;
        }
    }

    private static Map<String, List<String>> decodeQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode("query", eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(queryField(name), pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The request field a query parameter sets, for error messages: {@code search} is {@code filter.search}. */
    private static String queryField(String parameter) {
        return ExportRequestDocument.FILTER_PROPERTIES.contains(parameter) ? "filter." + parameter : parameter;
    }

    /** Percent-decoding into strict UTF-8 ({@link java.net.URLDecoder} would replace bad bytes without a word). */
    private static String decode(String field, String text) {
        byte[] bytes = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[n++] = ' ';
            } else if (c == '%') {
                int value = i + 2 < text.length() ? hex(text.charAt(i + 1), text.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new InvalidExportRequestException(FieldError.of(field,
                            "is not valid URL encoding ('%' must be followed by two hex digits)"));
                }
                bytes[n++] = (byte) value;
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(utf8, 0, bytes, n, utf8.length);
                n += utf8.length;
            }
        }
        return RequestText.utf8(field, Arrays.copyOf(bytes, n));
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** {@code status=new,contacted} and {@code status=new&status=contacted} mean the same. */
    private static List<String> list(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidExportRequestException(FieldError.of(name, "is given more than once"));
        }
        return values.get(0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().collect(Collectors.toList());
    }

    private static <T> List<String> keys(T[] values, java.util.function.Function<T, String> key) {
        return Arrays.stream(values).map(key).toList();
    }
}
