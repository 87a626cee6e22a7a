package dev.zvonok.server.bench;

import java.util.Arrays;

/** Median and spread of repeated measurements: on two noisy cores a mean says little. */
record Stats(double median, double min, double max, int runs) {

    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1], n);
    }

    String format(String unit) {
        return String.format("median %,.0f %s (min %,.0f, max %,.0f, %d runs)", median, unit, min, max, runs);
    }
}
