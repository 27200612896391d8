package io.leadexport.record;

/**
 * A phone number that was parsed and formatted by libphonenumber: it holds only {@code +}, digits, spaces and
 * hyphens, so formula neutralisation leaves it alone (README, "The export request": CSV). An unparseable number
 * stays a plain String.
 */
public record FormattedPhone(String text) {

    @Override
    public String toString() {
        return text;
    }
}
