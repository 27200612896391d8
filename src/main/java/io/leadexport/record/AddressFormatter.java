package io.leadexport.record;

import java.util.StringJoiner;

/** One-line addresses: {@code line1, line2, city, region postal_code, country}, empty parts skipped. */
public final class AddressFormatter {

    private AddressFormatter() {
    }

    public static String format(LeadRow lead) {
        StringJoiner line = new StringJoiner(", ");
        add(line, lead.addressLine1());
        add(line, lead.addressLine2());
        add(line, lead.city());
        StringJoiner regionAndCode = new StringJoiner(" ");
        add(regionAndCode, lead.region());
        add(regionAndCode, lead.postalCode());
        add(line, regionAndCode.toString());
        add(line, lead.country());
        String address = line.toString();
        return address.isEmpty() ? null : address;
    }

    private static void add(StringJoiner joiner, String part) {
        if (part != null && !part.isBlank()) {
            joiner.add(part.strip());
        }
    }
}
