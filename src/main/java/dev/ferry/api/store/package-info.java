/**
 * The control plane's durable store: SQLite in WAL mode with {@code synchronous=FULL}, every change committed (in
 * groups, by one writer) before its caller is answered, the sessions' records held in memory and checkpoint texts
 * only on disk.
 */
package dev.ferry.api.store;
