package dev.ferry.tracker.restore;

import java.util.List;

/**
 * Runs pip for one interpreter. The restore's decisions never depend on pip's word: they come
 * from scanning the environment afterwards; a result only explains a failure.
 */
public interface PipRunner {

    /** {@code pip install --no-deps name==version ...}; the pins are valid by construction. */
    PipResult install(List<Pin> pins);

    /** {@code pip uninstall -y name ...}; every name must satisfy {@link Requirements#isValidName}. */
    PipResult uninstall(List<String> names);
}
