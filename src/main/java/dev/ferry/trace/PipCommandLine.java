package dev.ferry.trace;

import dev.ferry.tracker.PackageName;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a recorded pip command line names: its requirements, normalized. */
public final class PipCommandLine {

    private PipCommandLine() {
    }

    /** Normalized names of the requirements a pip command names: {@code numpy==2.4}, {@code ./x-1.0-py3-none-any.whl}. */
    public static Set<String> namedPackages(List<String> command) {
        Set<String> names = new TreeSet<>();
        for (int i = 1; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith("-")) {
                continue;
            }
            String base = arg.substring(arg.lastIndexOf('/') + 1);
            if (base.endsWith(".whl") && base.indexOf('-') > 0) {
                base = base.substring(0, base.indexOf('-'));
            }
            int end = 0;
            while (end < base.length() && (Character.isLetterOrDigit(base.charAt(end)) || "-_.".indexOf(base.charAt(end)) >= 0)) {
                end++;
            }
            if (end > 0) {
                names.add(PackageName.normalize(base.substring(0, end)));
            }
        }
        return names;
    }
}
