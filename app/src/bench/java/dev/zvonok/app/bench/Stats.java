package dev.zvonok.app.bench;

import java.util.Arrays;

/** Median, percentiles and spread of repeated measurements: on two shared, noisy cores a mean says little. */
record Stats(double[] sorted) {

    static Stats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(sorted);
    }

    int runs() {
        return sorted.length;
    }

    double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return sorted[0];
    }

    double max() {
        return sorted[sorted.length - 1];
    }

    /** Nearest-rank percentile: the smallest value with at least p % of the measurements at or below it. */
    double percentile(double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String format(String unit) {
        return String.format("median %,.0f %s (min %,.0f, max %,.0f, %d runs)", median(), unit, min(), max(), runs());
    }
}
