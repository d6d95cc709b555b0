/**
 * The control plane's HTTP API as its clients use it: the tracker's upload transport and the scheduler's checkpoint
 * signals, each translating status codes and JSON into the vocabulary of the port it implements.
 */
package dev.ferry.api.client;
