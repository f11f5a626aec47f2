package io.commercemetrics.jobs.generate;

import java.util.ArrayList;
import java.util.List;

/** The shop's products (a dozen per category) and how shoppers fill a basket from them. */
final class Catalog {

    record Product(String sku, String category, long priceCny, long priceUsd) {
        long price(boolean usd) {
            return usd ? priceUsd : priceCny;
        }
    }

    /** One line of a basket; money in cents of the order's currency. */
    record Line(Product product, int quantity, long unitPrice, long lineDiscount) {
        long net() {
            return quantity * unitPrice - lineDiscount;
        }
    }

    private static final String[] CATEGORIES = {"beauty", "apparel", "home", "food", "electronics"};
    private static final String[] SKU_PREFIX = {"BEA", "APP", "HOM", "FOO", "ELE"};
    // Price range per category in whole yuan, and how likely a basket line falls in it.
    private static final int[][] PRICE_RANGE = {{49, 399}, {79, 599}, {29, 899}, {15, 159}, {99, 2999}};
    private static final double[] POPULARITY = {0.30, 0.25, 0.18, 0.17, 0.10};
    private static final int PER_CATEGORY = 12;
    private static final double[] LINES_PER_ORDER = {0, 55, 28, 12, 5};

    private final List<List<Product>> byCategory = new ArrayList<>();

    Catalog(Dice dice) {
        for (int c = 0; c < CATEGORIES.length; c++) {
            List<Product> products = new ArrayList<>();
            for (int i = 1; i <= PER_CATEGORY; i++) {
                int yuan = dice.between(PRICE_RANGE[c][0], PRICE_RANGE[c][1]);
                long cny = (yuan / 10 * 10 + 9) * 100L; // shop prices end in 9
                // The cross-border store lists in USD at roughly the CNY price plus duties, ending .99.
                long usd = Math.max(199, (cny * 100 / 720 + 50) / 100 * 100 - 1);
                Product product = new Product(SKU_PREFIX[c] + "-" + (1000 + i * 7), CATEGORIES[c], cny, usd);
                products.add(product);
            }
            byCategory.add(products);
        }
    }

    /**
     * A basket of one to four lines; {@code favourite} (a shared product) goes first when given.
     * Some lines carry a promotion discount of 5-20 % of their value.
     */
    List<Line> basket(Dice dice, boolean usd, Product favourite) {
        int count = dice.weighted(LINES_PER_ORDER);
        List<Line> lines = new ArrayList<>(count);
        List<Product> chosen = new ArrayList<>(count);
        while (lines.size() < count) {
            Product product = lines.isEmpty() && favourite != null
                    ? favourite
                    : dice.pick(byCategory.get(dice.weighted(POPULARITY)));
            if (chosen.contains(product)) {
                continue;
            }
            chosen.add(product);
            int quantity = Math.min(6, product.category().equals("food")
                    ? 1 + dice.geometric(0.8)
                    : (dice.chance(0.82) ? 1 : dice.between(2, 3)));
            long unitPrice = product.price(usd);
            long discount = 0;
            if (dice.chance(0.18)) {
                discount = quantity * unitPrice * dice.between(5, 20) / 100;
            }
            lines.add(new Line(product, quantity, unitPrice, discount));
        }
        return lines;
    }

    Product pickAny(Dice dice) {
        return dice.pick(byCategory.get(dice.weighted(POPULARITY)));
    }
}
