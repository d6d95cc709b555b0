/**
 * Replays a recorded pip trace through the real debouncer and scanner on virtual time, and scores the checkpoints
 * against the trace's ground truth: exactness at quiescence, write amplification and latency; and mirrors a
 * recording with the synthetic pip ({@code ScenarioMirror}), so the model is scored against the recording.
 */
package dev.ferry.sim.replay;
