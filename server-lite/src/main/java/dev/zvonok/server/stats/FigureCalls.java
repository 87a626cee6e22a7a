package dev.zvonok.server.stats;

import dev.zvonok.model.api.CountedIn;
import dev.zvonok.server.api.ApiException;
import dev.zvonok.server.auth.AuthenticatedUser;
import dev.zvonok.server.calls.CallCondition;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.impl.DSL;

/**
 * The calls a statistics question counts, as a condition for the journal ({@link CountedIn}): the question read as
 * {@link StatsRoutes} reads it (its days, its filters, checked alike), for the asking user's scope, by the very rules
 * the figures are counted by — so that a figure's drill-down lists exactly its calls, whatever the journal's own
 * filters can say.
 */
public final class FigureCalls {

    private final StatsFilters filters;
    private final BusinessDays days;
    private final Function<AuthenticatedUser, StatsScope> scopes;
    private final Clock clock;

    /** As {@link StatsRoutes} is given them. */
    public FigureCalls(StatsFilters filters, BusinessDays days, Function<AuthenticatedUser, StatsScope> scopes,
                       Clock clock) {
        this.filters = Objects.requireNonNull(filters, "filters");
        this.days = Objects.requireNonNull(days, "days");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param figures which statistics counted the calls
     * @param params  every value of the statistics' parameter by its {@code StatsQuery} name (unprefixed), none when
     *                absent; a malformed one is a 400 naming it with {@link CountedIn#PREFIX}
     */
    public CallCondition of(CountedIn figures, Function<String, List<String>> params, AuthenticatedUser asker) {
        Objects.requireNonNull(figures, "figures");
        try {
            Period period = AskedDays.of(name -> first(params.apply(name)), days, clock.instant()).period();
            StatsScope scope = filters.narrow(params, asker, scopes.apply(asker));
            return new CallCondition(scope.isEmpty() ? DSL.falseCondition() : switch (figures) {
                // each direction by the rule of its own figures
                case SUMMARY -> DSL.or(InboundStatistics.counted(period, scope),
                        DirectionStatistics.counted(period, scope));
                case OPERATORS -> OperatorStatistics.counted(period, scope);
                case WORK -> OperatorStatistics.answeredParts(period, scope);
            });
        } catch (ApiException e) {
            // the statistics name their parameters unprefixed: say which of the journal's it was
            throw new ApiException(e.status(), e.code(), CountedIn.PREFIX + e.getMessage());
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
