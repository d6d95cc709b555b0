package dev.ferry.migrate;

import java.util.List;

/**
 * The outcome of {@link Budgets#admit}: the candidates that may start now and, for the rest, why not;
 * both in input order.
 */
public record Admission(List<SessionMove> admitted, List<Refusal> refused) {

    public Admission {
        admitted = List.copyOf(admitted);
        refused = List.copyOf(refused);
    }
}
