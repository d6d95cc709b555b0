package dev.ferry.sim.session;

import dev.ferry.sim.fs.Distribution;
import dev.ferry.trace.TraceLine;
import java.util.List;
import java.util.Map;

/**
 * A package command in flight: its visible events, the text of files the scanner reads, when it
 * exits, and what the user's set is before and after it.
 */
record Operation(long start, long exit, long lastEvent, List<TraceLine.FileEvent> events, Map<String, String> contents,
                 long fileEvents, Map<String, Distribution> before, Map<String, Distribution> after, int epoch) {
}
