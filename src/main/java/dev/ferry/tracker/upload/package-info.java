/**
 * Copies the tracker's checkpoints and its install-in-progress sign to the control plane, beside checkpointing and
 * never in its way: what to send next, when to retry and when to stop is decided here on an injected clock and
 * timer; the sending is a port ({@link dev.ferry.tracker.upload.UploadTransport}) that an HTTP adapter implements.
 */
package dev.ferry.tracker.upload;
