package io.leadexport.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts leads with exactly the values a test needs, the hard cases included. */
public final class TestLeads {

    /** A lead as stored; every field may be null except the name, status and dates. */
    public record Lead(UUID id, String fullName, String phone, String email, String nationalId, String addressLine1,
                       String addressLine2, String city, String region, String postalCode, String country,
                       String policy, String contactTime, String notes, String status, String conversationId,
                       Instant createdAt, Instant updatedAt) {

        public Lead withStatus(String value) {
            return new Lead(id, fullName, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, policy, contactTime, notes, value, conversationId, createdAt, updatedAt);
        }

        public Lead withCreatedAt(Instant value) {
            return new Lead(id, fullName, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, policy, contactTime, notes, status, conversationId, value, value);
        }

        public Lead withUpdatedAt(Instant value) {
            return new Lead(id, fullName, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, policy, contactTime, notes, status, conversationId, createdAt, value);
        }

        public Lead withNotes(String value) {
            return new Lead(id, fullName, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, policy, contactTime, value, status, conversationId, createdAt, updatedAt);
        }

        public Lead withPolicy(String value) {
            return new Lead(id, fullName, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, value, contactTime, notes, status, conversationId, createdAt, updatedAt);
        }

        public Lead withName(String value) {
            return new Lead(id, value, phone, email, nationalId, addressLine1, addressLine2, city, region,
                    postalCode, country, policy, contactTime, notes, status, conversationId, createdAt, updatedAt);
        }
    }

    private final JdbcTemplate jdbc;

    public TestLeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteAll() {
        jdbc.update("delete from leads");
    }

    public void insert(List<Lead> leads) {
        jdbc.batchUpdate("insert into leads (id, full_name, phone, email, national_id, address_line1, address_line2, "
                        + "city, region, postal_code, country, policy_of_interest, preferred_contact_time, notes, status, "
                        + "conversation_id, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                leads.stream().map(l -> new Object[] {l.id(), l.fullName(), l.phone(), l.email(), l.nationalId(),
                        l.addressLine1(), l.addressLine2(), l.city(), l.region(), l.postalCode(), l.country(),
                        l.policy(), l.contactTime(), l.notes(), l.status(), l.conversationId(),
                        java.sql.Timestamp.from(l.createdAt()), java.sql.Timestamp.from(l.updatedAt())}).toList());
    }

    public void insert(Lead... leads) {
        insert(List.of(leads));
    }

    /** A plain lead with every field filled. */
    public static Lead plain(String name, Instant createdAt) {
        return new Lead(UUID.randomUUID(), name, "(415) 555-0132", "  Jane.Doe@Example.COM ", "123-45-6789",
                "1 Market St", "Suite 5", "San Francisco", "CA", "94105", "US", "Auto", "Weekdays 9-12",
                "Plain note", "new", "conv-123", createdAt, createdAt);
    }

    /** The hard cases: Unicode, quotes, commas, newlines, formula-like text, empty and null fields, long notes. */
    public static List<Lead> hardCases(Instant createdAt) {
        List<Lead> leads = new ArrayList<>();
        leads.add(new Lead(UUID.randomUUID(), "Zoë 王伟 محمد 🦊", "+44 20 7946 0958", "ZOE@Example.org",
                "AB-12-34-56-C", "221B Baker St", null, "London", null, "NW1 6XE", "GB", "Home", "Evenings",
                "Line one\nLine \"two\", with comma\r\nLine three", "contacted", "conv/ü 1", createdAt,
                createdAt.plusSeconds(60)));
        leads.add(new Lead(UUID.randomUUID(), "=HYPERLINK(\"http://evil\",\"x\")", "call me maybe", "", "",
                "", "", "", "", "", "", "life", "", "+SUM(A1:A2)", "qualified", null, createdAt.plusSeconds(1),
                createdAt.plusSeconds(1)));
        leads.add(new Lead(UUID.randomUUID(), "O'Brien, \"Ace\"", null, null, null, null, null, null, null, null,
                null, null, null, "@mention -- and\ttab", "lost", "", createdAt.plusSeconds(2),
                createdAt.plusSeconds(2)));
        leads.add(new Lead(UUID.randomUUID(), "Long Notes", "-1 555", "long@example.com", "9876", null, null,
                "Zürich", "ZH", null, "CH", "Travel", null, "Lorem, \"ipsum\"\n".repeat(2000), "converted", "c-9",
                createdAt.plusSeconds(3), createdAt.plusSeconds(3)));
        return leads;
    }
}
