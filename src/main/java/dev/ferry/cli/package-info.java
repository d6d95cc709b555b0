/**
 * The {@code ferry} command line: one picocli command class per sub-command, a shared error
 * policy (one clear line, no stack trace, a non-zero exit), and JSON output helpers.
 */
package dev.ferry.cli;
