/**
 * Time and execution as parameters: the {@link dev.ferry.time.Clock} and {@link dev.ferry.time.Timer}
 * that product code takes from its constructor, with a system implementation and a manual one
 * that tests and trace replay advance by hand.
 */
package dev.ferry.time;
