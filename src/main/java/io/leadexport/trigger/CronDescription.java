package io.leadexport.trigger;

import java.util.List;
import java.util.Map;

/**
 * A Quartz cron expression in plain words for the admin page: {@code 0 0 2 * * ?} is "every day at 02:00". The common
 * shapes get words (every N seconds/minutes/hours, daily, weekly on some days, monthly on a day); anything else is
 * shown as "cron: ..." rather than described wrongly.
 */
final class CronDescription {

    private static final Map<String, String> DAYS = Map.of("MON", "Monday", "TUE", "Tuesday", "WED", "Wednesday",
            "THU", "Thursday", "FRI", "Friday", "SAT", "Saturday", "SUN", "Sunday");
    private static final List<String> DAY_NUMBERS = List.of("", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private CronDescription() {
    }

    static String describe(String cron) {
        String[] f = cron.strip().toUpperCase().split("\\s+");
        if (f.length < 6 || f.length > 7 || (f.length == 7 && !f[6].equals("*"))) {
            return "cron: " + cron.strip();
        }
        String sec = f[0], min = f[1], hour = f[2], dom = f[3], month = f[4], dow = f[5];
        boolean everyDay = any(dom) && any(dow) && month.equals("*");
        if (everyDay && step(sec) != null && min.equals("*") && hour.equals("*")) {
            return "every " + plural(step(sec), "second");
        }
        if (everyDay && number(sec) && step(min) != null && hour.equals("*")) {
            return "every " + plural(step(min), "minute");
        }
        if (everyDay && number(sec) && number(min) && step(hour) != null) {
            return "every " + plural(step(hour), "hour") + " at minute " + min;
        }
        if (!(number(sec) && number(min) && number(hour)) || !month.equals("*")) {
            return "cron: " + cron.strip();
        }
        String at = "at " + time(hour, min, sec);
        if (everyDay) {
            return "every day " + at;
        }
        if (any(dom) && dow.matches("[A-Z0-9,-]+")) {
            return "every " + days(dow) + " " + at;
        }
        if (number(dom) && any(dow)) {
            return "on day " + dom + " of every month " + at;
        }
        if (dom.equals("L") && any(dow)) {
            return "on the last day of every month " + at;
        }
        return "cron: " + cron.strip();
    }

    private static boolean any(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static boolean number(String field) {
        return field.matches("\\d{1,2}");
    }

    /** {@code 0/5} or {@code * /5} (a step from the start) as 5; {@code *} as 1; otherwise null. */
    private static Integer step(String field) {
        if (field.equals("*")) {
            return 1;
        }
        if (field.matches("(0|\\*)/\\d+")) {
            return Integer.parseInt(field.substring(field.indexOf('/') + 1));
        }
        return null;
    }

    private static String plural(int n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }

    private static String time(String hour, String min, String sec) {
        String time = String.format("%02d:%02d", Integer.parseInt(hour), Integer.parseInt(min));
        return sec.equals("0") || sec.equals("00") ? time : time + String.format(":%02d", Integer.parseInt(sec));
    }

    private static String days(String dow) {
        if (dow.equals("MON-FRI") || dow.equals("2-6")) {
            return "weekday (Monday to Friday)";
        }
        StringBuilder words = new StringBuilder();
        for (String part : dow.split(",")) {
            String[] range = part.split("-");
            StringBuilder piece = new StringBuilder();
            for (String day : range) {
                String key = day.matches("\\d") ? DAY_NUMBERS.get(Integer.parseInt(day)) : day;
                piece.append(piece.isEmpty() ? "" : " to ").append(DAYS.getOrDefault(key, day));
            }
            words.append(words.isEmpty() ? "" : ", ").append(piece);
        }
        return words.toString();
    }
}
