package dev.zvonok.model.stats;

import java.util.List;

/** {@code GET /api/stats/operators}: the operators in scope who had a part in a call of the period, by name. */
public record StatsOperators(StatsPeriod period, List<OperatorFigures> operators) {

    public StatsOperators {
        operators = List.copyOf(operators);
    }
}
