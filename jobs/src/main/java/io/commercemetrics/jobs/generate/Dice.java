package io.commercemetrics.jobs.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Every random draw of a generation, from one seeded {@link SplittableRandom}. Only its own
 * integer and uniform methods are used (no JDK-version-dependent Gaussian), and transcendental
 * functions come from {@link StrictMath} (bit-for-bit the same on every CPU, unlike {@code Math}'s
 * intrinsics), so a seed gives the same files on any machine and Java 17+.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in {@code [from, to]}. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    long between(long from, long to) {
        return random.nextLong(from, to + 1);
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** An exponential wait with the given mean. */
    double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** An index drawn with the given relative weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A Poisson count; above 30 a sum-of-uniforms normal approximation keeps it fast. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            double sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += random.nextDouble();
            }
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * (sum - 6)));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Number of failures before a success with probability {@code 1 / (1 + mean)}: mean {@code mean}. */
    int geometric(double mean) {
        double p = 1.0 / (1.0 + mean);
        int count = 0;
        while (!chance(p)) {
            count++;
        }
        return count;
    }
}
