package dev.ferry.report.compare;

/**
 * What a run's figure did against the same figure of its baseline run. Everything but the machine figures
 * is a function of the scenario and the seed, so any change of a judged figure is the code's doing: it is
 * a regression or an improvement, with no noise to allow for.
 */
public enum BaselineChange {
    REGRESSION,
    IMPROVEMENT,
    /** A machine figure moved: the machine, not the code, says nothing. */
    MACHINE_MOVED,
    /** A workload figure moved: the workload itself is not the same, which puts the rest in context. */
    WORKLOAD_MOVED,
    SAME,
    /** One of the two runs does not have the figure. */
    NOT_COMPARABLE;

    public static BaselineChange of(Figure figure, double before, double after) {
        if (Double.isNaN(before) || Double.isNaN(after)) {
            return NOT_COMPARABLE;
        }
        if (before == after) {
            return SAME;
        }
        return switch (figure.role()) {
            case MACHINE -> MACHINE_MOVED;
            case WORKLOAD -> WORKLOAD_MOVED;
            case HIGHER_IS_BETTER, LOWER_IS_BETTER -> figure.better(before, after) ? IMPROVEMENT : REGRESSION;
        };
    }
}
