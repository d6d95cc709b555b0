package dev.ferry.tracker;

import dev.ferry.tracker.checkpoint.Checkpoint;
import dev.ferry.tracker.checkpoint.EnvironmentState;
import dev.ferry.tracker.scan.Scanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the environments of a checkpoint with the ones being tracked: by location first, and when
 * no location matches but the lists agree in length and kinds, by position (the same image mounted
 * at another path).
 */
final class EnvironmentMatcher {

    private EnvironmentMatcher() {
    }

    static List<EnvironmentState> match(Checkpoint checkpoint, List<Scanner> scanners) throws TrackerConflictException {
        List<EnvironmentState> saved = checkpoint.environments();
        List<EnvironmentState> matched = new ArrayList<>();
        boolean allByLocation = true;
        for (Scanner scanner : scanners) {
            EnvironmentState found = null;
            for (EnvironmentState state : saved) {
                if (state.location().equals(scanner.view().location())) {
                    found = state;
                }
            }
            allByLocation &= found != null;
            matched.add(found);
        }
        if (allByLocation && saved.size() == scanners.size()) {
            return matched;
        }
        if (saved.size() == scanners.size()) {
            List<EnvironmentState> byPosition = new ArrayList<>();
            for (int i = 0; i < saved.size(); i++) {
                if (saved.get(i).kind() != scanners.get(i).kind()) {
                    return mismatch(saved, scanners);
                }
                byPosition.add(saved.get(i));
            }
            return byPosition;
        }
        return mismatch(saved, scanners);
    }

    private static List<EnvironmentState> mismatch(List<EnvironmentState> saved, List<Scanner> scanners)
            throws TrackerConflictException {
        List<String> savedLocations = saved.stream().map(EnvironmentState::location).toList();
        List<String> given = scanners.stream().map(s -> s.view().location()).toList();
        throw new TrackerConflictException("the checkpoint tracks " + savedLocations + " but the environments given are "
                + given + "; use another checkpoint file for other environments", false);
    }
}
