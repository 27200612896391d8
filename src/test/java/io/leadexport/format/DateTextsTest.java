package io.leadexport.format;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written date texts read exactly as {@code DateTimeFormatter} writes them. */
class DateTextsTest {

    @Test
    void randomTimesReadAsTheFormatterWritesThem() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            OffsetDateTime time = randomTime(random);

            assertThat(DateTexts.plain(time)).as("%s", time).isEqualTo(DateTexts.PLAIN.format(time));
            assertThat(DateTexts.iso(time)).as("%s", time)
                    .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
    }

    @Test
    void theEdgesOfTheFastPathAndBeyond() {
        for (int year : new int[] {-5, 0, 1, 9, 999, 1000, 9999, 10000, 123456}) {
            for (int nano : new int[] {0, 1, 10, 100_000, 123_456_789, 999_999_999, 500_000_000}) {
                for (ZoneOffset offset : new ZoneOffset[] {ZoneOffset.UTC, ZoneOffset.ofHours(-5),
                        ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)}) {
                    OffsetDateTime time = OffsetDateTime.of(year, 12, 31, 23, 59, 59, nano, offset);

                    assertThat(DateTexts.plain(time)).isEqualTo(DateTexts.PLAIN.format(time));
                    assertThat(DateTexts.iso(time)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
                }
            }
        }
    }

    private static OffsetDateTime randomTime(Random random) {
        int nano = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000_000) * 1000;
            case 2 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds((random.nextInt(28) - 14) * 900);
        return OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), nano, offset);
    }
}
