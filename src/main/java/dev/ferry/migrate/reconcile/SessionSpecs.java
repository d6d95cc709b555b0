package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.SessionSpec;
import dev.ferry.cluster.peloton.SessionJob;

/**
 * What a Peloton session becomes on Kubernetes (image, kind, home volume...): Peloton's job record does not carry
 * all of it, so the deployment supplies the mapping. The checkpoint generation is set by the barrier.
 */
public interface SessionSpecs {

    SessionSpec specFor(SessionJob source);
}
