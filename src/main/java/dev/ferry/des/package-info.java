/**
 * The discrete-event kernel: virtual time in nanoseconds and an {@link dev.ferry.des.EventList} of
 * pending events, exposed as the {@link dev.ferry.time.Clock} and {@link dev.ferry.time.Timer} that product code takes.
 */
package dev.ferry.des;
