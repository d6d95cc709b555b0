/**
 * Offline model fitting, beside the {@code model} it writes: fits the pip model ({@code model/pip.yaml}) on
 * recorded traces (events attributed to the distribution that wrote them, gaps classified by kind, maximum-
 * likelihood estimates) and reads a recording's scenario command by command. Reads traces, never the simulation.
 */
package dev.ferry.fit;
