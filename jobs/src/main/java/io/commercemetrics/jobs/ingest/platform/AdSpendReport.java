package io.commercemetrics.jobs.ingest.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ad platform's daily campaign report (Google Ads "Campaign" report by day, Meta Ads Manager
 * export by day) as traffic: one row per day and campaign, clicks as visits, cost as spend, the
 * campaign's channel from the configuration (docs/inputs.md, "Platform exports").
 */
public final class AdSpendReport implements PlatformFormat {

    private static final String[] DAY = {"Day", "Date", "Reporting starts"};
    private static final String[] CAMPAIGN = {"Campaign", "Campaign name"};
    private static final String[] CLICKS = {"Clicks", "Link clicks", "Clicks (all)"};
    private static final String[] IMPRESSIONS = {"Impressions", "Impr."};
    private static final String[] COST = {"Cost", "Amount spent", "Amount spent (*", "Cost (*"};
    private static final Pattern CURRENCY_IN_HEADER = Pattern.compile(".*\\(([A-Za-z]{3})\\)\\s*");
    private static final DateTimeFormatter SPELLED_OUT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return "ad-spend-report";
    }

    @Override
    public List<List<String>> signature() {
        return List.of(List.of(DAY), List.of(CAMPAIGN), List.of(CLICKS), List.of(IMPRESSIONS), List.of(COST));
    }

    @Override
    public List<String> sources() {
        return List.of("traffic");
    }

    @Override
    public Set<String> personalColumns() {
        return Set.of();
    }

    /** Google Ads prints the report's name and date range above the header. */
    @Override
    public int maxLinesAboveHeader() {
        return 3;
    }

    @Override
    public SourceView view(String source, PlatformHeader header, ImportContext context) {
        String costColumn = header.columns().get(header.indexOf(COST));
        Matcher inHeader = CURRENCY_IN_HEADER.matcher(costColumn);
        String headerCurrency = inHeader.matches() ? inHeader.group(1).toUpperCase(Locale.ROOT) : null;
        return row -> {
            String day = row.get(DAY);
            // Google Ads closes the report with "Total: Account" and "Total: Campaigns" rows
            if (day == null || day.startsWith("Total")) {
                return null;
            }
            String campaign = row.get(CAMPAIGN);
            String currency = row.get("Currency code", "Currency");
            return new ContractRecord("traffic")
                    .set("date", date(day))
                    .set("channel", channel(campaign, context))
                    .set("campaign", campaign)
                    // a click is the visit the ad paid for; impressions have no place in the contract
                    .set("visits", PlatformText.ungrouped(row.get(CLICKS)))
                    .set("spend", PlatformText.ungrouped(row.get(COST)))
                    .set("currency", currency != null ? currency : headerCurrency)
                    .values();
        };
    }

    /** The first configured word found in the campaign name decides; campaigns are ads otherwise. */
    static String channel(String campaign, ImportContext context) {
        String name = campaign == null ? "" : campaign.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> rule : context.settings().adCampaigns().match().entrySet()) {
            if (name.contains(rule.getKey())) {
                return rule.getValue();
            }
        }
        return context.settings().adCampaigns().fallback();
    }

    /** ISO dates pass; Google's spelled-out {@code Oct 7, 2025} and {@code 2025/10/07} are rewritten. */
    private static String date(String day) {
        String text = day.trim();
        try {
            return LocalDate.parse(text, SPELLED_OUT).toString();
        } catch (DateTimeParseException e) {
            return text.matches("\\d{4}/\\d{2}/\\d{2}") ? text.replace('/', '-') : text;
        }
    }
}
