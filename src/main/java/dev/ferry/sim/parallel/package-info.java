/**
 * Independent simulation runs side by side on the machine's cores, as many at once as the cores and the heap
 * allow; what the suite and the sweeps share.
 */
package dev.ferry.sim.parallel;
