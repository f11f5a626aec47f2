package io.commercemetrics.jobs.generate;

/**
 * What reviewers write, by how it went: short and long, Chinese and English, some bodies over
 * several lines with quotes and commas (the CSV must quote them).
 */
final class ReviewTexts {

    record Text(String title, String body) {
    }

    private static final Text[] HAPPY = {
        new Text("质量很好", "质量很好，物流很快"),
        new Text("好评", "包装很精美，送朋友很合适。会回购！"),
        new Text("超出预期", "颜色和图片一样，做工细致。\n客服回复也很及时，\"七天无理由\"都不需要用上。"),
        new Text("Love it", "Exactly as described, arrived in two days."),
        new Text("Great value", "Good quality for the price, well packed.\nWould buy again, and I already told my sister."),
        new Text("Second purchase", "My friend shared the link, so I tried it; now it's my \"go-to\" shop, honestly."),
        new Text("", "不错，挺好用的"),
        new Text("Five stars", ""),
    };
    private static final Text[] MIXED = {
        new Text("还可以", "一般般吧，价格有点贵，但是质量还行"),
        new Text("OK", "Does the job. Size runs a bit small, so order one up."),
        new Text("中规中矩", "东西没问题，就是快递包装有点简陋，\n盒子\"压扁\"了一角。"),
    };
    private static final Text[] UNHAPPY = {
        new Text("物流太慢", "物流太慢了，等了两个星期才到，催了好几次"),
        new Text("和描述不符", "和描述不符，颜色差很多，已经申请退货"),
        new Text("Disappointed", "Arrived late and the box was damaged.\nCustomer service said \"wait 3-5 days\", then nothing, so I asked for a refund."),
        new Text("Not as described", "Cheap material, not what the photos show, returned it."),
        new Text("差评", "质量太差了，用了一次就坏了。"),
    };

    private ReviewTexts() {
    }

    static Text forRating(int rating, Dice dice) {
        if (rating >= 4) {
            return dice.pick(HAPPY);
        }
        return rating == 3 ? dice.pick(MIXED) : dice.pick(UNHAPPY);
    }

    /** A rating skewed by experience: a refunded or late order is mostly rated low. */
    static int rating(boolean badExperience, Dice dice) {
        double[] weights = badExperience
                ? new double[] {38, 32, 18, 8, 4}
                : new double[] {3, 4, 10, 28, 55};
        return 1 + dice.weighted(weights);
    }
}
