package dev.zvonok.server.calls;

import java.util.OptionalLong;

/**
 * How many calls there are, all of them, when something kept says it cheaply and exactly (the statistics' kept rows:
 * {@code HourlyAggregates#everyCall}); empty when it cannot say it now, and the calls are counted instead.
 */
@FunctionalInterface
public interface EveryCallCount {

    /** Nothing kept: the calls are always counted. */
    EveryCallCount COUNTED = OptionalLong::empty;

    OptionalLong everyCall();
}
