package dev.ferry.migrate.reconcile;

import dev.ferry.migrate.SessionSpec;
import dev.ferry.migrate.SourceSession;

/**
 * What a session on the source becomes on a target cluster (image, kind, home volume...): the source's record does
 * not carry all of it, so the deployment supplies the mapping. The checkpoint generation is set by the barrier.
 */
public interface SessionSpecs {

    SessionSpec specFor(SourceSession source);
}
