/**
 * The simulated world each session lives in: the package catalog and the image, who owns a
 * session and what size it is, when its user is active, and when its container restarts.
 */
package dev.ferry.sim.world;
