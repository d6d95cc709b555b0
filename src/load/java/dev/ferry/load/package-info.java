/**
 * The control plane under load: Gatling simulations of session agents and operators against a real {@code ferry
 * serve} on 127.0.0.1, the set-up that writes their tokens, and the check that no acknowledged generation was lost.
 */
package dev.ferry.load;
