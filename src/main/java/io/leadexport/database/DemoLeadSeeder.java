package io.leadexport.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;


import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds {@code lead-export.demo.leads} demo leads into an empty table on the embedded database (never on a configured
 * one), with the variety real data has: Unicode names, multi-line notes with quotes and commas, formula-like text,
 * missing fields, every status and policy, two years of dates, phone numbers in many national formats.
 */
@Component
public class DemoLeadSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLeadSeeder.class);

    private final DatabaseEndpoint endpoint;
    private final DataSource dataSource;
    private final int count;

    public DemoLeadSeeder(DatabaseEndpoint endpoint, DataSource dataSource, DatabaseProperties properties) {
        this.endpoint = endpoint;
        this.dataSource = dataSource;
        this.count = properties.demo().leads();
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!endpoint.embedded() || count <= 0) {
            return;
        }
        Long existing = new JdbcTemplate(dataSource).queryForObject("select count(*) from leads", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        long started = System.nanoTime();
        seed(dataSource, count, Instant.now(), 42L);
        log.info("Seeded {} demo leads in {} ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** Inserts {@code count} generated leads with COPY; the same seed gives the same leads. */
    public static void seed(DataSource dataSource, int count, Instant now, long seed) throws SQLException, IOException {
        DemoLeads leads = new DemoLeads(new Random(seed), now);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy leads (id, full_name, phone, email, national_id, address_line1, address_line2, city, region, "
                            + "postal_code, country, policy_of_interest, preferred_contact_time, notes, status, "
                            + "conversation_id, created_at, updated_at) from stdin with (format csv)");
            try {
                StringBuilder batch = new StringBuilder(1 << 20);
                for (int i = 0; i < count; i++) {
                    leads.appendCsvLine(batch);
                    if (batch.length() > (1 << 20) - 8192) {
                        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        batch.setLength(0);
                    }
                }
                byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The generator; deterministic for a given random source. */
    static final class DemoLeads {

        private static final String[] FIRST = {"James", "Mary", "Zoë", "José", "Björn", "Łukasz", "Aoife", "Nguyễn",
                "Søren", "François", "Anna", "Олег", "Мария", "محمد", "فاطمة", "王", "佐藤", "김", "Ελένη", "Siobhán",
                "Renée", "Mónica", "Jürgen", "Ängel", "Priya", "Chidi", "Dvořák", "Oğuz", "Þóra", "Kofi"};
        private static final String[] LAST = {"Smith", "O'Brien", "García-López", "Müller", "Nowak", "Dubois",
                "Johnson", "Ivanova", "Иванов", "الحسن", "伟", "花子", "민준", "Παπαδοπούλου", "Ní Bhriain", "van der Berg",
                "Østergaard", "Smith, Jr.", "\"Ace\" Walker", "Lee", "Kim", "Brown", "Tanaka", "Singh", "Okafor"};
        private static final String[] STATUSES = {"new", "contacted", "qualified", "converted", "lost"};
        private static final String[] POLICIES = {"Auto", "Home", "Life", "Health", "Travel"};
        private static final String[] COUNTRIES = {"US", "US", "US", "US", "GB", "DE", "FR", "JP", "IN", "CA", "AU",
                "BR", "MX"};
        private static final String[] US_AREAS = {"201", "212", "213", "312", "415", "512", "617", "646", "718", "805",
                "917", "305"};
        private static final String[] CONTACT_TIMES = {"Weekdays 9-12", "Evenings after 6pm", "Weekends",
                "Any time", "Mornings, not Mondays", "Lunch (12-1)", "", "Tues/Thurs 2–4 pm"};
        private static final String[] NOTES = {
                "Asked about multi-car discount, \"wants it cheap\", call back",
                "Line one\nLine two, with a comma\nLine \"three\"",
                "=HYPERLINK(\"http://evil.example\",\"click\")",
                "+1 call back tomorrow",
                "-- duplicate of earlier lead?",
                "@sales please follow up",
                "Prefers e-mail; lives in Zürich part-time 🇨🇭",
                "Tab\tseparated\tthoughts",
                "Quote: 'single' and \"double\" and back\\slash",
                "日本語のメモ：自動車保険について",
                "Wants quote for family of 4, two teenage drivers.",
                "",
        };

        private final Random random;
        private final Instant now;

        DemoLeads(Random random, Instant now) {
            this.random = random;
            this.now = now;
        }

        void appendCsvLine(StringBuilder out) {
            String first = pick(FIRST);
            String last = pick(LAST);
            String country = pick(COUNTRIES);
            Instant created = now.minus(Duration.ofSeconds((long) (random.nextDouble() * 730 * 86400)));
            Instant updated = random.nextInt(3) == 0 ? created
                    : created.plus(Duration.ofSeconds((long) (random.nextDouble() * Duration.between(created, now).getSeconds())));
            field(out, randomUuid().toString());
            field(out, first + " " + last);
            field(out, oneIn(12) ? null : phone(country));
            field(out, oneIn(10) ? null : email(first, last));
            field(out, oneIn(5) ? null : nationalId(country));
            field(out, oneIn(8) ? null : (100 + random.nextInt(9800)) + " " + pick(new String[] {"Main St", "Oak Avenue",
                    "Rue de Rivoli", "Hauptstraße", "High Street", "Calle Mayor"}));
            field(out, oneIn(4) ? (oneIn(2) ? "Apt " + (1 + random.nextInt(40)) : "Suite 2B, \"North\" wing") : null);
            field(out, oneIn(9) ? null : pick(new String[] {"San Francisco", "New York", "London", "Berlin", "Paris",
                    "Tokyo", "Mumbai", "Toronto", "São Paulo", "Ciudad de México", "Zürich"}));
            field(out, oneIn(3) ? null : pick(new String[] {"CA", "NY", "TX", "Greater London", "Bavaria", "Île-de-France"}));
            field(out, oneIn(6) ? null : String.format("%05d", random.nextInt(99999)));
            field(out, oneIn(15) ? null : country);
            field(out, oneIn(20) ? null : oneIn(10) ? pick(POLICIES).toLowerCase() : pick(POLICIES));
            field(out, oneIn(5) ? null : pick(CONTACT_TIMES));
            field(out, notes());
            field(out, pick(STATUSES));
            field(out, oneIn(7) ? null : "conv-" + Long.toString(Math.abs(random.nextLong()), 36));
            field(out, created.toString());
            out.append(updated.toString()).append('\n');
        }

        /** A version-4 UUID from the seeded random source, so the same seed gives the same ids. */
        private UUID randomUuid() {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        private String phone(String country) {
            int n = random.nextInt(1_0000);
            return switch (country) {
                case "US", "CA" -> switch (random.nextInt(6)) {
                    case 0 -> "(" + pick(US_AREAS) + ") " + (200 + random.nextInt(700)) + "-" + String.format("%04d", n);
                    case 1 -> pick(US_AREAS) + "." + (200 + random.nextInt(700)) + "." + String.format("%04d", n);
                    case 2 -> "+1 " + pick(US_AREAS) + " " + (200 + random.nextInt(700)) + " " + String.format("%04d", n);
                    case 3 -> "1-" + pick(US_AREAS) + "-" + (200 + random.nextInt(700)) + "-" + String.format("%04d", n);
                    case 4 -> "  " + pick(US_AREAS) + (200 + random.nextInt(700)) + String.format("%04d", n) + " ";
                    default -> oneIn(3) ? "call me maybe" : "555-" + String.format("%04d", n);
                };
                case "GB" -> oneIn(2) ? "+44 20 7946 " + String.format("%04d", n) : "+44 7700 900" + String.format("%03d", n % 1000);
                case "DE" -> "+49 30 " + (1000000 + random.nextInt(8999999));
                case "FR" -> "+33 1 42 68 " + String.format("%02d %02d", n % 100, n / 100);
                case "JP" -> "+81 3-" + (1000 + random.nextInt(8999)) + "-" + String.format("%04d", n);
                case "IN" -> "+91 98" + (100 + random.nextInt(899)) + " " + (10000 + random.nextInt(89999));
                case "AU" -> "+61 2 " + (9000 + random.nextInt(999)) + " " + String.format("%04d", n);
                case "BR" -> "+55 11 9" + (1000 + random.nextInt(8999)) + "-" + String.format("%04d", n);
                default -> "+52 55 " + (1000 + random.nextInt(8999)) + " " + String.format("%04d", n);
            };
        }

        private String email(String first, String last) {
            String local = java.util.stream.Stream.of(ascii(first), ascii(last))
                    .map(part -> part.replaceAll("[^A-Za-z]", ""))
                    .filter(part -> !part.isEmpty())
                    .collect(java.util.stream.Collectors.joining("."));
            if (local.isEmpty()) {
                local = "lead";
            }
            String email = local + random.nextInt(1000) + "@" + pick(new String[] {"Example.com", "mail.example.org",
                    "EXAMPLE.NET", "correo.example.es"});
            return oneIn(4) ? "  " + email + " " : email;
        }

        private String nationalId(String country) {
            return switch (country) {
                case "US" -> String.format("%03d-%02d-%04d", 1 + random.nextInt(898), 1 + random.nextInt(98), random.nextInt(9999));
                case "GB" -> "QQ " + String.format("%02d %02d %02d", random.nextInt(99), random.nextInt(99), random.nextInt(99)) + " C";
                case "FR" -> String.format("%013d", Math.abs(random.nextLong()) % 10_000_000_000_000L);
                default -> Long.toString(Math.abs(random.nextLong()) % 100_000_000_000L);
            };
        }

        private String notes() {
            if (oneIn(6)) {
                return null;
            }
            String note = pick(NOTES);
            if (oneIn(200)) {
                return (note + " Lorem ipsum dolor sit amet, \"consectetur\", adipiscing elit.\n").repeat(60);
            }
            return note;
        }

        private static String ascii(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private boolean oneIn(int n) {
            return random.nextInt(n) == 0;
        }

        /** A CSV field for COPY: null is an unquoted empty field; text is always quoted (so "" stays empty text). */
        private static void field(StringBuilder out, String value) {
            if (value != null) {
                out.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
            out.append(',');
        }
    }
}
