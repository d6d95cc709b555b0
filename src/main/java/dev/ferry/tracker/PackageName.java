package dev.ferry.tracker;

/** Package names as PEP 503 compares them: lower case, each run of {@code -_.} one hyphen. */
public final class PackageName {

    private PackageName() {
    }

    public static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-' || c == '_' || c == '.') {
                if (!inRun) {
                    out.append('-');
                }
                inRun = true;
            } else {
                out.append(Character.toLowerCase(c));
                inRun = false;
            }
        }
        return out.toString();
    }
}
