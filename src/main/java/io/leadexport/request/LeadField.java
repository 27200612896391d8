package io.leadexport.request;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The exportable fields of a lead (docs/api.md, "The export request"), in the order of the {@code full} template. */
public enum LeadField {
    LEAD_ID("leadId", "Lead ID"),
    FULL_NAME("fullName", "Full Name"),
    PHONE("phone", "Phone Number"),
    EMAIL("email", "Email"),
    NATIONAL_ID("nationalId", "National ID"),
    ADDRESS("address", "Address"),
    POLICY_OF_INTEREST("policyOfInterest", "Policy of Interest"),
    PREFERRED_CONTACT_TIME("preferredContactTime", "Preferred Contact Time"),
    NOTES("notes", "Notes"),
    STATUS("status", "Status"),
    CREATED_AT("createdAt", "Created Date"),
    UPDATED_AT("updatedAt", "Updated Date"),
    CONVERSATION_ID("conversationId", "Conversation ID"),
    CONVERSATION_URL("conversationUrl", "Conversation Link");

    private static final Map<String, LeadField> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(LeadField::key, Function.identity()));

    private final String key;
    private final String label;

    LeadField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name used in requests, JSON output and the field catalog. */
    public String key() {
        return key;
    }

    /** The column header in CSV, XLSX and text. */
    public String label() {
        return label;
    }

    public static Optional<LeadField> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
