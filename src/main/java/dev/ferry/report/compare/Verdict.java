package dev.ferry.report.compare;

/** What a difference between two groups says about a figure, in the page's plain words. */
public enum Verdict {
    /** The second group is better: its interval leaves zero out on the better side. */
    BETTER,
    /** The second group is worse. */
    WORSE,
    /** The interval holds zero: the seeds do not tell the groups apart. */
    WITHIN_NOISE,
    /** A group ran one seed: no interval can be given, so no verdict either. */
    NO_INTERVAL,
    /** A machine or workload figure: shown, never judged. */
    NOT_JUDGED;

    /** The verdict on group B against group A for a figure. */
    public static Verdict of(Figure figure, MeanDifference d) {
        if (!figure.role().judged()) {
            return NOT_JUDGED;
        }
        if (d.basis() == MeanDifference.Basis.ONE_SEED) {
            return NO_INTERVAL;
        }
        if (!d.excludesZero()) {
            return WITHIN_NOISE;
        }
        return figure.better(d.meanA(), d.meanB()) ? BETTER : WORSE;
    }
}
