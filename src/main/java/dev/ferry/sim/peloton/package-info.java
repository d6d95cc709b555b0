/**
 * A fake Peloton on virtual time for the simulation: session jobs whose tasks move through Peloton's
 * states after sampled latencies, with injected API faults and a feed of every state transition.
 */
package dev.ferry.sim.peloton;
