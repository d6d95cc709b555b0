/**
 * The harness's wiring: product code put together on virtual time with simulated file systems, sessions, mock
 * clusters and the gate, one sub-package per job and no cycle between them. Harness code may use product code,
 * never the reverse; recorded traces ({@code trace}) and fitted models ({@code fit}, {@code model}) sit below it.
 */
package dev.ferry.sim;
