package dev.ferry.sim.sweep;

import dev.ferry.model.config.ConfigException;
import dev.ferry.model.config.Fields;
import dev.ferry.model.config.YamlFile;
import dev.ferry.sim.gate.Suite;
import dev.ferry.sim.workload.Strategy;
import dev.ferry.sim.workload.Workload;
import dev.ferry.sim.workload.WorkloadReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a sweep file and checks all of it, every setting of the grid included, before the first run; an error
 * names the file, line and field, as workloads' do. For example:
 * <pre>
 * workload: ../workloads/dsw-3500-migration.yaml   # relative to the sweep file; it must have a migration
 * seeds: "1, 2, 3"
 * parameters:                                        # fields of the workload's migration: section
 *   - {field: budgets.max_concurrent, values: [25, 50, 100, 200]}
 *   - {field: idle_threshold_minutes, range: {from: 10, to: 60, step: 25}}   # 10, 35, 60
 *   - {field: strategy, values: [idle-aware, rolling]}
 * </pre>
 */
public final class SweepReader {

    /** Kubernetes allows an Indexed Job at most this many completions. */
    public static final int MAX_RUNS = 100_000;
    private static final int MAX_RANGE_VALUES = 1_000;

    private SweepReader() {
    }

    public static Sweep read(Path file) throws ConfigException {
        Fields f = YamlFile.read(file).fields().allowOnly("name", "description", "workload", "seeds", "parameters");
        String fileName = file.getFileName().toString();
        String name = f.text("name", fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
                : fileName);
        Path workloadFile = file.toAbsolutePath().getParent().resolve(f.text("workload")).normalize();
        if (!Files.isRegularFile(workloadFile)) {
            throw f.error("workload", "no workload file at " + workloadFile);
        }
        Workload base = WorkloadReader.read(workloadFile);
        if (base.migration() == null) {
            throw f.error("workload", workloadFile + " has no migration: section; a sweep varies a migration's"
                    + " settings");
        }
        List<Long> seeds = Suite.seeds(f);
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw f.error("seeds", "names a seed twice: " + f.text("seeds"));
        }
        List<SweepParameter> parameters = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (Fields p : f.list("parameters")) {
            SweepParameter parameter = parameter(p, workloadFile);
            if (!fields.add(parameter.field())) {
                throw p.error("field", "'" + parameter.field() + "' is varied twice; give each field once");
            }
            parameters.add(parameter);
        }
        if (parameters.isEmpty()) {
            throw f.error("parameters", "names no parameter; give at least one field and its values");
        }
        Sweep sweep = new Sweep(file, name, workloadFile, sha256(workloadFile), parameters, seeds);
        if ((long) sweep.settingCount() * seeds.size() > MAX_RUNS || sweep.settingCount() <= 0) {
            throw f.error("parameters", "the grid has more than " + MAX_RUNS + " runs (settings x seeds), more than"
                    + " an Indexed Job holds; vary fewer values");
        }
        for (int s = 0; s < sweep.settingCount(); s++) {
            Map<String, String> setting = sweep.setting(s);
            try {
                WorkloadReader.read(workloadFile, sweep.overrides(setting));
            } catch (ConfigException e) {
                throw f.error("parameters", "the setting " + new SweepRun(0, setting, 0).settingName()
                        + " makes the workload invalid: " + e.getMessage());
            }
        }
        return sweep;
    }

    private static SweepParameter parameter(Fields p, Path workloadFile) throws ConfigException {
        p.allowOnly("field", "values", "range");
        String field = p.text("field").trim();
        if (field.startsWith("migration.")) {
            throw p.error("field", "fields are named inside the workload's migration: section, e.g. '"
                    + field.substring("migration.".length()) + "'");
        }
        if (field.isEmpty() || field.startsWith(".") || field.endsWith(".") || field.contains("..")) {
            throw p.error("field", "must name a field of the migration: section, e.g. budgets.max_concurrent, was '"
                    + field + "'");
        }
        if (p.has("values") == p.has("range")) {
            throw p.error(p.has("range") ? "range" : "field", "give either values: [...] or range: {from, to, step},"
                    + " not both or neither");
        }
        String where = p.has("values") ? "values" : "range";
        List<String> values = p.has("values") ? p.texts("values") : range(p.object("range"));
        if (values.isEmpty()) {
            throw p.error(where, "gives no value");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw p.error(where, "gives a value twice: " + values);
        }
        for (String value : values) {
            if (field.equals("strategy")) {
                if (Strategy.fromLabel(value).isEmpty()) {
                    throw p.error(where, "'" + value + "' is not a strategy; one of "
                            + String.join(", ", Strategy.labels()));
                }
            } else if (!isNumber(value)) {
                throw p.error(where, "'" + value + "' is not a number; a sweep varies numeric fields and the strategy");
            }
            SweepParameter alone = new SweepParameter(field, List.of(value));
            try {
                WorkloadReader.read(workloadFile, Map.of(alone.path(), value));
            } catch (ConfigException e) {
                throw p.error(where, field + " = " + value + " is not allowed in the workload: " + e.getMessage());
            }
        }
        return new SweepParameter(field, values);
    }

    /** {@code {from: 10, to: 60, step: 25}}: 10, 35, 60, in decimal (no binary rounding in the values). */
    private static List<String> range(Fields r) throws ConfigException {
        r.allowOnly("from", "to", "step");
        r.number("from", -1e12, 1e12);
        r.number("to", -1e12, 1e12);
        r.number("step", 1e-9, 1e12);
        BigDecimal from = new BigDecimal(r.text("from"));
        BigDecimal to = new BigDecimal(r.text("to"));
        BigDecimal step = new BigDecimal(r.text("step"));
        if (from.compareTo(to) > 0) {
            throw r.error("to", "must not be below from (" + r.text("from") + "), was " + r.text("to"));
        }
        List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            if (values.size() == MAX_RANGE_VALUES) {
                throw r.error("step", "gives more than " + MAX_RANGE_VALUES + " values; take a larger step");
            }
            values.add(v.stripTrailingZeros().toPlainString());
        }
        return values;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sha256(Path file) throws ConfigException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
