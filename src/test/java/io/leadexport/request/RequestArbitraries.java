package io.leadexport.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated export requests for property-based tests: valid ones (written both as a JSON document and as the query
 * string of a GET), and valid ones with one thing broken, knowing which field the refusal must name.
 */
public final class RequestArbitraries {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Written as the JSON escape {@code \ud800}: a lone surrogate can only arrive escaped in valid UTF-8. */
    private static final String LONE_SURROGATE = "<lone-surrogate>";

    private RequestArbitraries() {
    }

    /** A valid request, with the keys JSON and query strings share. Values are as a client could write them. */
    public record Valid(String format, String template, List<String> fields, List<String> status, List<String> policy,
                        List<String> country, String createdFrom, String createdTo, String updatedFrom,
                        String updatedTo, String search, String nationalId) {

        public Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            putIfSet(doc, "format", format);
            putIfSet(doc, "template", template);
            putIfSet(doc, "fields", fields);
            putIfSet(doc, "nationalId", nationalId);
            Map<String, Object> filter = new LinkedHashMap<>();
            putIfSet(filter, "status", status);
            putIfSet(filter, "policy", policy);
            putIfSet(filter, "country", country);
            putIfSet(filter, "createdFrom", createdFrom);
            putIfSet(filter, "createdTo", createdTo);
            putIfSet(filter, "updatedFrom", updatedFrom);
            putIfSet(filter, "updatedTo", updatedTo);
            putIfSet(filter, "search", search);
            if (!filter.isEmpty()) {
                doc.put("filter", filter);
            }
            return doc;
        }

        public String json() {
            try {
                return JSON.writeValueAsString(document());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public String query() {
            StringJoiner query = new StringJoiner("&");
            param(query, "format", format);
            param(query, "template", template);
            param(query, "fields", fields == null ? null : String.join(",", fields));
            param(query, "nationalId", nationalId);
            param(query, "status", status == null ? null : String.join(",", status));
            param(query, "policy", policy == null ? null : String.join(",", policy));
            param(query, "country", country == null ? null : String.join(",", country));
            param(query, "createdFrom", createdFrom);
            param(query, "createdTo", createdTo);
            param(query, "updatedFrom", updatedFrom);
            param(query, "updatedTo", updatedTo);
            param(query, "search", search);
            return query.toString();
        }

        private static void putIfSet(Map<String, Object> map, String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
        }

        private static void param(StringJoiner query, String name, String value) {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** A request with one thing wrong, written as JSON, and the field the refusal must name. */
    public record Broken(String json, String field) {
    }

    public static Arbitrary<Valid> valid() {
        Arbitrary<String> format = maybe(anyCase(Arbitraries.of("csv", "xlsx", "json", "text")));
        Arbitrary<String> template = maybe(anyCase(Arbitraries.of("full", "basic", "crm")));
        Arbitrary<String> nationalId = maybe(Arbitraries.of("masked", "encrypted", "omitted", "plain"));
        Arbitrary<List<String>> fields = maybe(Arbitraries.of(fieldKeys()).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(6).filter(list -> list.stream().anyMatch(f -> !f.equals("nationalId"))));
        Arbitrary<List<String>> status = maybe(Arbitraries.of(LeadStatus.ALL).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(5));
        Arbitrary<List<String>> policy = maybe(word().list().uniqueElements().ofMinSize(1).ofMaxSize(4));
        Arbitrary<List<String>> country = maybe(Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).list()
                .uniqueElements().ofMinSize(1).ofMaxSize(3));
        Arbitrary<LocalDate[]> created = maybe(range());
        Arbitrary<LocalDate[]> updated = maybe(range());
        Arbitrary<String> search = maybe(text(1, RequestText.MAX_LENGTH));
        return Combinators.combine(format, template, fields, nationalId, status, policy, country,
                Combinators.combine(created, updated, search).as((c, u, s) -> java.util.Arrays.<Object>asList(c, u, s)))
                .as((f, t, fl, n, s, p, c, rest) -> {
                    LocalDate[] cr = (LocalDate[]) rest.get(0);
                    LocalDate[] up = (LocalDate[]) rest.get(1);
                    return new Valid(f, t, fl, s, p, c, cr == null ? null : cr[0].toString(),
                            cr == null ? null : cr[1].toString(), up == null ? null : up[0].toString(),
                            up == null ? null : up[1].toString(), (String) rest.get(2), n);
                });
    }

    /** A valid request with one value broken in a way the parser must refuse, naming where. */
    public static Arbitrary<Broken> broken() {
        return Combinators.combine(valid(), Arbitraries.integers().between(0, 7), text(1, 20),
                        Arbitraries.integers().between(1, 200))
                .as((valid, kind, noise, extra) -> {
                    Map<String, Object> doc = valid.document();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> filter = (Map<String, Object>) doc.computeIfAbsent("filter",
                            k -> new LinkedHashMap<>());
                    String field = switch (kind) {
                        case 0 -> put(doc, "format", "pdf-" + noise, "format");
                        case 1 -> put(filter, "search", noise + "\u0000", "filter.search");
                        case 2 -> put(filter, "policy", List.of("p".repeat(RequestText.MAX_LENGTH + extra)),
                                "filter.policy[0]");
                        case 3 -> put(filter, "status", List.of("won-" + noise), "filter.status[0]");
                        case 4 -> put(filter, "createdFrom", "day " + noise, "filter.createdFrom");
                        case 5 -> put(doc, "fields", List.of("fullName", "shoeSize" + extra), "fields[1]");
                        case 6 -> put(filter, "search", "x" + LONE_SURROGATE + noise, "filter.search");
                        default -> put(doc, "colour" + extra, noise, "colour" + extra);
                    };
                    try {
                        return new Broken(JSON.writeValueAsString(doc).replace(LONE_SURROGATE, "\\ud800"), field);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static String put(Map<String, Object> map, String key, Object value, String field) {
        map.put(key, value);
        return field;
    }

    /** Text a person might type: any letters, digits, punctuation, emoji, with no NUL or broken surrogate. */
    public static Arbitrary<String> text(int min, int max) {
        return Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max)
                .filter(s -> s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c)))
                .filter(s -> !s.isBlank());
    }

    private static Arbitrary<String> word() {
        return Arbitraries.strings().alpha().numeric().withChars('é', 'ß', '王', ' ', '-').ofMinLength(1)
                .ofMaxLength(30).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Arbitrary<LocalDate[]> range() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 365 * 30)
                .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
        return Combinators.combine(day, Arbitraries.integers().between(0, 400))
                .as((from, days) -> new LocalDate[] {from, from.plusDays(days)});
    }

    private static Arbitrary<String> anyCase(Arbitrary<String> values) {
        return Combinators.combine(values, Arbitraries.of(true, false))
                .as((value, upper) -> upper ? value.toUpperCase(java.util.Locale.ROOT) : value);
    }

    private static <T> Arbitrary<T> maybe(Arbitrary<T> values) {
        return values.injectNull(0.4);
    }

    private static List<String> fieldKeys() {
        List<String> keys = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            keys.add(field.key());
        }
        return keys;
    }
}
