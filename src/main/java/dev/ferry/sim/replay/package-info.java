/**
 * Replays a recorded pip trace through the real debouncer and scanner on virtual time, and scores
 * the checkpoints against the trace's ground truth: exactness at quiescence, write amplification
 * and latency.
 */
package dev.ferry.sim.replay;
