/**
 * The control plane: trackers upload checkpoints and report activity and installs, the scheduler's checkpoint
 * barrier reads them, operators read progress and pause or resume. {@code control} holds the rules as plain code;
 * {@code store} and {@code http} are its adapters.
 */
package dev.ferry.api;
