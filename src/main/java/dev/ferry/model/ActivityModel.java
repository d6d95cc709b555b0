package dev.ferry.model;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import java.nio.file.Path;

/**
 * When users are at their sessions (from {@code model/activity.yaml}): a working day that starts
 * and lasts a normally distributed time, active and idle periods alternating inside it
 * (exponential lengths), now and then a weekend day, and the share of commands a user starts
 * while another is still running (pip in two notebooks at once).
 */
public record ActivityModel(double dayStartHourMean, double dayStartHourSd, double dayLengthHoursMean,
                            double dayLengthHoursSd, double activeMinutesMean, double idleMinutesMean,
                            double weekendDayProbability, double parallelCommandShare, String provenance) {

    public static ActivityModel read(Path file) throws ConfigException {
        return from(YamlFile.read(file).fields());
    }

    public static ActivityModel from(Fields f) throws ConfigException {
        f.allowOnly("provenance", "day_start_hour", "day_length_hours", "active_minutes_mean", "idle_minutes_mean",
                "weekend_day_probability", "parallel_command_share");
        Fields start = f.object("day_start_hour").allowOnly("mean", "sd");
        Fields length = f.object("day_length_hours").allowOnly("mean", "sd");
        return new ActivityModel(start.number("mean", 0, 23), start.number("sd", 0, 12),
                length.number("mean", 0.5, 24), length.number("sd", 0, 12),
                f.number("active_minutes_mean", 0.1, 1440), f.number("idle_minutes_mean", 0.1, 1440),
                f.number("weekend_day_probability", 0, 1), f.number("parallel_command_share", 0, 1),
                f.text("provenance"));
    }
}
