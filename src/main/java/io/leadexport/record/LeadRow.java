package io.leadexport.record;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of the lead table, as read from the cursor. */
public record LeadRow(
        UUID id,
        String fullName,
        String phone,
        String email,
        String nationalId,
        String addressLine1,
        String addressLine2,
        String city,
        String region,
        String postalCode,
        String country,
        String policyOfInterest,
        String preferredContactTime,
        String notes,
        String status,
        String conversationId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
