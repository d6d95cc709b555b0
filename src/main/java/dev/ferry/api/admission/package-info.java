/**
 * Whether the control plane takes one more request now or answers it 429: pure decisions on an injected clock,
 * kept apart from the HTTP adapter that asks them.
 */
package dev.ferry.api.admission;
