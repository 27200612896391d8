import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.leadexport.record.FormattedPhone;
import io.leadexport.record.PhoneFormatter;

/**
 * Side measurement, not run by run.sh: what each libphonenumber call in the app's {@link PhoneFormatter} costs per
 * phone, and whether a default-region fast path ({@code isValidNumberForRegion(n, "US")} before
 * {@code isValidNumber}) gives the same results and saves time. Input: one captured phone per line (empty = none),
 * e.g. {@code \copy (select coalesce(phone, '') from leads order by created_at, id) to 'phones.txt'} in psql.
 * Usage: {@code java -cp bench/work/classes:target/classes:$(cat bench/work/cp.txt) PhoneCost phones.txt}
 */
public final class PhoneCost {
    static final PhoneNumberUtil U = PhoneNumberUtil.getInstance();
    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        List<String> phones = Files.readAllLines(Path.of(args[0]));
        PhoneFormatter app = new PhoneFormatter("US");
        for (int round = 0; round < 4; round++) {
            time("app PhoneFormatter.format", phones, p -> app.format(p, false));
            time("parse only", phones, p -> { try { return U.parse(p.strip(), "US"); } catch (NumberParseException e) { return p; } });
            time("parse + isValidNumber", phones, p -> { try { PhoneNumber n = U.parse(p.strip(), "US"); return U.isValidNumber(n); } catch (NumberParseException e) { return p; } });
            time("parse + isValidNumber + format", phones, p -> { try { PhoneNumber n = U.parse(p.strip(), "US"); return U.isValidNumber(n) ? U.format(n, PhoneNumberFormat.INTERNATIONAL) : p; } catch (NumberParseException e) { return p; } });
            time("fast path: isValidNumberForRegion(US) || isValidNumber", phones, PhoneCost::fast);
        }
        long differ = 0;
        for (String p : phones) {
            if (p.isEmpty()) continue;
            Object a = app.format(p, false), b = fast(p);
            if (!String.valueOf(a).equals(String.valueOf(b)) || a.getClass() != b.getClass()) differ++;
        }
        System.out.println("fast path differs from the app's result for " + differ + " of " + phones.size() + " phones");
    }

    static Object fast(String captured) {
        String trimmed = captured.strip();
        if (trimmed.isEmpty()) return null;
        try {
            PhoneNumber n = U.parse(trimmed, "US");
            if (!U.isValidNumberForRegion(n, "US") && !U.isValidNumber(n)) return trimmed;
            return new FormattedPhone(U.format(n, PhoneNumberFormat.INTERNATIONAL));
        } catch (NumberParseException e) {
            return trimmed;
        }
    }

    interface F { Object apply(String p); }

    static void time(String what, List<String> phones, F f) {
        long t = System.nanoTime();
        int n = 0;
        for (String p : phones) {
            if (p.isEmpty()) continue;
            sink = f.apply(p);
            n++;
        }
        long ns = System.nanoTime() - t;
        System.out.printf("%-60s %6.2f µs per phone (%d phones)%n", what, ns / 1e3 / n, n);
    }
}
