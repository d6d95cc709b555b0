/**
 * Recorded pip traces, the harness's input from real machines: the JSON-lines format (the traces README), its
 * reader, which fails naming the file and line, and what a recorded pip command line names. Reads no simulation;
 * {@code sim} replays these traces and {@code fit} fits models on them.
 */
package dev.ferry.trace;
