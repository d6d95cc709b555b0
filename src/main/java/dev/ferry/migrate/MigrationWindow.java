package dev.ferry.migrate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A time window in cron form, evaluated in UTC: migrations may start during every minute that the
 * five-field expression {@code minute hour day-of-month month day-of-week} matches. For example
 * {@code * 18-23,0-6 * * 1-5} is weeknights and {@code * * * * 0,6} weekends.
 *
 * <p>As in Vixie cron, when both day fields are restricted (neither begins with {@code *}) a day matches
 * if <em>either</em> matches; otherwise both must. An expression whose days can never occur
 * (e.g. {@code * * 30 2 *}) is rejected.
 */
public final class MigrationWindow {

    /** What {@link #nextAllowed(long)} answers when the window does not open within the horizon. */
    public static final long NEVER = Long.MAX_VALUE;
    /** How many days past the given instant's day {@link #nextAllowed(long)} searches. */
    public static final int HORIZON_DAYS = 366;

    private static final long MINUTE_MS = 60_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final int[] MONTH_LENGTH = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final String expression;
    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;
    private final boolean eitherDay;

    private MigrationWindow(String expression, long minutes, long hours, long daysOfMonth, long months,
                            long daysOfWeek, boolean eitherDay) {
        this.expression = expression;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.eitherDay = eitherDay;
    }

    /** Parses a five-field expression; the error names the expression, the field and what it allows. */
    public static MigrationWindow parse(String expression) {
        Objects.requireNonNull(expression, "migration window expression");
        String trimmed = expression.trim();
        String[] f = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        try {
            if (f.length != 5) {
                throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week),"
                        + " found " + f.length);
            }
            long dom = CronField.DAY_OF_MONTH.parse(f[2]);
            long month = CronField.MONTH.parse(f[3]);
            boolean eitherDay = !f[2].startsWith("*") && !f[4].startsWith("*");
            MigrationWindow w = new MigrationWindow(String.join(" ", f), CronField.MINUTE.parse(f[0]),
                    CronField.HOUR.parse(f[1]), dom, month, CronField.DAY_OF_WEEK.parse(f[4]), eitherDay);
            if (!eitherDay && !w.someChosenDayExists()) {
                throw new IllegalArgumentException("day-of-month " + f[2] + " never occurs in month " + f[3]);
            }
            return w;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("migration window \"" + expression + "\": " + e.getMessage(), e);
        }
    }

    /** The expression, with its fields separated by single spaces. */
    public String expression() {
        return expression;
    }

    /** Whether the minute that contains {@code epochMillis} (UTC) matches. */
    public boolean allows(long epochMillis) {
        long day = Math.floorDiv(epochMillis, DAY_MS);
        int minuteOfDay = (int) (Math.floorMod(epochMillis, DAY_MS) / MINUTE_MS);
        return dayMatches(LocalDate.ofEpochDay(day)) && bit(hours, minuteOfDay / 60) && bit(minutes, minuteOfDay % 60);
    }

    /**
     * The first instant at or after {@code epochMillis} that the window allows: {@code epochMillis}
     * itself when its minute matches, else the start of the next matching minute; {@link #NEVER} when
     * none begins within {@link #HORIZON_DAYS} days after {@code epochMillis}'s day.
     */
    public long nextAllowed(long epochMillis) {
        if (allows(epochMillis)) {
            return epochMillis;
        }
        long firstDay = Math.floorDiv(epochMillis, DAY_MS);
        int fromMinute = (int) (Math.floorMod(epochMillis, DAY_MS) / MINUTE_MS) + 1;
        for (long day = firstDay; day <= firstDay + HORIZON_DAYS; day++, fromMinute = 0) {
            if (fromMinute >= 24 * 60 || !dayMatches(LocalDate.ofEpochDay(day))) {
                continue;
            }
            int minuteOfDay = firstMinuteFrom(fromMinute);
            if (minuteOfDay >= 0) {
                long at = day * DAY_MS + minuteOfDay * MINUTE_MS;
                // past the end of long time the multiplication wraps below the start: no answer there
                return at > epochMillis ? at : NEVER;
            }
        }
        return NEVER;
    }

    /** The first minute of the day at or after {@code from} whose hour and minute match, or -1. */
    private int firstMinuteFrom(int from) {
        for (int h = from / 60; h < 24; h++) {
            if (!bit(hours, h)) {
                continue;
            }
            int m0 = h == from / 60 ? from % 60 : 0;
            long candidates = minutes & (-1L << m0);
            if (candidates != 0) {
                return h * 60 + Long.numberOfTrailingZeros(candidates);
            }
        }
        return -1;
    }

    private boolean dayMatches(LocalDate date) {
        if (!bit(months, date.getMonthValue())) {
            return false;
        }
        boolean dom = bit(daysOfMonth, date.getDayOfMonth());
        boolean dow = bit(daysOfWeek, date.getDayOfWeek().getValue() % 7);
        return eitherDay ? dom || dow : dom && dow;
    }

    private boolean someChosenDayExists() {
        for (int month = 1; month <= 12; month++) {
            if (bit(months, month) && (daysOfMonth & ((1L << (MONTH_LENGTH[month] + 1)) - 1)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean bit(long bits, int i) {
        return (bits & (1L << i)) != 0;
    }

    /** Two windows are equal when they allow the same minutes by the same rule, however written. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationWindow w && minutes == w.minutes && hours == w.hours
                && daysOfMonth == w.daysOfMonth && months == w.months && daysOfWeek == w.daysOfWeek
                && eitherDay == w.eitherDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minutes, hours, daysOfMonth, months, daysOfWeek, eitherDay);
    }

    @Override
    public String toString() {
        return expression;
    }
}
