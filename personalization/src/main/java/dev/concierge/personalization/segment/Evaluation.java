package dev.concierge.personalization.segment;

import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.CustomerSnapshot.Activity;
import dev.concierge.personalization.customer.CustomerSnapshot.CategoryPurchases;
import dev.concierge.personalization.customer.CustomerSnapshot.DailyCount;
import dev.concierge.personalization.customer.CustomerSnapshot.DailySpend;
import dev.concierge.personalization.customer.CustomerSnapshot.OpenServiceOrder;
import dev.concierge.personalization.customer.CustomerSnapshot.Profile;
import dev.concierge.personalization.customer.CustomerSnapshot.SkuPurchases;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.customer.StoreLocation;
import dev.concierge.personalization.segment.Rule.Op;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates rules for one customer and request. Runs on every page for every segment, so it reads
 * the snapshot in place (index loops, primitive sums, no streams or boxing) and computes what rules
 * share (today, the nearest store) at most once. Odd data does not match rather than throw.
 */
final class Evaluation {

    private static final long SECONDS_PER_DAY = 86_400;

    /** What {@link #compare} answers for values that do not compare, e.g. a string with a number. */
    private static final int INCOMPARABLE = Integer.MIN_VALUE;

    private final CustomerSnapshot snapshot;
    private final RequestContext context;
    private final List<StoreLocation> stores;
    private final Map<String, StoreLocation> storesById;

    private @Nullable LocalDate today;
    private double nearestStoreKm = Double.NaN;

    Evaluation(
            CustomerSnapshot snapshot,
            RequestContext context,
            List<StoreLocation> stores,
            Map<String, StoreLocation> storesById) {
        this.snapshot = snapshot;
        this.context = context;
        this.stores = stores;
        this.storesById = storesById;
    }

    boolean matches(Rule rule) {
        // Combinators first: they are the most frequent nodes.
        if (rule instanceof Rule.All all) {
            List<Rule> rules = all.rules();
            for (int i = 0; i < rules.size(); i++) {
                if (!matches(rules.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (rule instanceof Rule.Any any) {
            List<Rule> rules = any.rules();
            for (int i = 0; i < rules.size(); i++) {
                if (matches(rules.get(i))) {
                    return true;
                }
            }
            return false;
        }
        if (rule instanceof Rule.Not not) {
            return !matches(not.rule());
        }
        if (rule instanceof Rule.Attribute attribute) {
            return attribute(attribute);
        }
        if (rule instanceof Rule.CustomAttribute custom) {
            return test(snapshot.profile().attributes().get(custom.key()), custom.op(), custom.value());
        }
        if (rule instanceof Rule.TierIn tierIn) {
            return tierIn.tiers().contains(snapshot.profile().tier());
        }
        if (rule instanceof Rule.TierAtLeast atLeast) {
            return snapshot.profile().tier().compareTo(atLeast.tier()) >= 0;
        }
        if (rule instanceof Rule.BirthdayWithin birthday) {
            return occasionWithin(snapshot.profile().birthday(), birthday.days(), birthday.pastDays());
        }
        if (rule instanceof Rule.AnniversaryWithin anniversary) {
            return occasionWithin(snapshot.profile().anniversary(), anniversary.days(), anniversary.pastDays());
        }
        if (rule instanceof Rule.PurchasedSku sku) {
            SkuPurchases purchases = snapshot.activity().skuPurchases().get(sku.sku());
            return purchases != null && withinDays(purchases.lastPurchasedAt(), sku.withinDays());
        }
        if (rule instanceof Rule.PurchasedCategory category) {
            CategoryPurchases purchases =
                    snapshot.activity().categoryPurchases().get(category.category());
            return purchases != null && withinDays(purchases.lastPurchasedAt(), category.withinDays());
        }
        if (rule instanceof Rule.Browsed browsed) {
            return browsed(browsed);
        }
        if (rule instanceof Rule.Spend spend) {
            return spend(spend);
        }
        if (rule instanceof Rule.HasOpenServiceOrder order) {
            return openServiceOrder(order);
        }
        if (rule instanceof Rule.ChannelIn channel) {
            return channel.channels().contains(context.channel());
        }
        if (rule instanceof Rule.DeviceIn device) {
            return device(device.devices());
        }
        if (rule instanceof Rule.NearStore near) {
            return nearStore(near);
        }
        if (rule instanceof Rule.NewCustomer newCustomer) {
            Activity activity = snapshot.activity();
            return activity.purchaseCount() == 0
                    && atOrAfterDaysAgo(snapshot.profile().memberSince(), newCustomer.joinedWithinDays());
        }
        if (rule instanceof Rule.ReturningCustomer returning) {
            return snapshot.activity().purchaseCount() >= returning.minPurchases();
        }
        if (rule instanceof Rule.LastPurchase lastPurchase) {
            Instant last = snapshot.activity().lastPurchaseAt();
            return last != null && !atOrAfterDaysAgo(last, lastPurchase.olderThanDays());
        }
        throw new IllegalStateException("no evaluation for " + rule.getClass().getName());
    }

    private boolean attribute(Rule.Attribute attribute) {
        Profile profile = snapshot.profile();
        Op op = attribute.op();
        Object value = attribute.value();
        return switch (attribute.field()) {
            case FIRST_NAME -> test(profile.firstName(), op, value);
            case LOCALE -> test(profile.locale(), op, value);
            case HOME_STORE -> test(profile.homeStoreId(), op, value);
            case LOYALTY_POINTS -> test(profile.points(), op, value);
            case MEMBER_SINCE -> test(profile.memberSince(), op, value);
        };
    }

    /**
     * Whether the date's next occurrence (today included) is fewer than {@code days} days away, or
     * its last one before today at most {@code pastDays} days ago. {@link LocalDate#withYear} moves
     * February 29 to February 28 in other years.
     */
    private boolean occasionWithin(@Nullable LocalDate date, int days, int pastDays) {
        if (date == null) {
            return false;
        }
        LocalDate today = today();
        long todayDay = today.toEpochDay();
        int year = today.getYear();
        long untilThisYear = date.withYear(year).toEpochDay() - todayDay;
        long ahead =
                untilThisYear >= 0 ? untilThisYear : date.withYear(year + 1).toEpochDay() - todayDay;
        if (ahead < days) {
            return true;
        }
        if (pastDays == 0) {
            return false;
        }
        long ago = untilThisYear < 0
                ? -untilThisYear
                : todayDay - date.withYear(year - 1).toEpochDay();
        return ago <= pastDays;
    }

    private boolean browsed(Rule.Browsed browsed) {
        long last = todayUtc();
        long first = last - browsed.withinDays() + 1;
        List<DailyCount> counts = snapshot.activity().dailyCounts();
        long total = 0;
        for (int i = 0; i < counts.size(); i++) {
            DailyCount row = counts.get(i);
            if (row.category() == browsed.category() && browsed.eventTypes().contains(row.type())) {
                long day = row.day().toEpochDay();
                if (day >= first && day <= last) {
                    total += row.count();
                    if (total >= browsed.atLeast()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean spend(Rule.Spend spend) {
        Activity activity = snapshot.activity();
        Integer withinDays = spend.withinDays();
        BigDecimal total;
        if (withinDays == null) {
            total = activity.totalSpend();
        } else {
            long last = todayUtc();
            long first = last - withinDays + 1;
            List<DailySpend> rows = activity.dailySpend();
            total = BigDecimal.ZERO;
            for (int i = 0; i < rows.size(); i++) {
                DailySpend row = rows.get(i);
                long day = row.day().toEpochDay();
                if (day >= first && day <= last) {
                    total = total.add(row.amount());
                }
            }
        }
        return holds(spend.op(), total.compareTo(spend.amount()));
    }

    private boolean openServiceOrder(Rule.HasOpenServiceOrder rule) {
        List<OpenServiceOrder> orders = snapshot.openServiceOrders();
        for (int i = 0; i < orders.size(); i++) {
            OpenServiceOrder order = orders.get(i);
            if (order.status().open()
                    && rule.statuses().contains(order.status())
                    && (rule.kind() == null || rule.kind() == order.kind())) {
                return true;
            }
        }
        return false;
    }

    private boolean device(List<String> devices) {
        String device = context.device();
        if (device == null) {
            return false;
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).equalsIgnoreCase(device)) {
                return true;
            }
        }
        return false;
    }

    private boolean nearStore(Rule.NearStore near) {
        GeoPoint here = context.location();
        if (here == null || !snapshot.consents().granted(ConsentPurpose.LOCATION)) {
            return false;
        }
        String storeId = near.store();
        if (storeId == null) {
            return nearestStoreKm(here) <= near.withinKm();
        }
        StoreLocation store = storesById.get(storeId);
        return store != null && here.distanceKm(store.position()) <= near.withinKm();
    }

    private double nearestStoreKm(GeoPoint here) {
        if (Double.isNaN(nearestStoreKm)) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < stores.size(); i++) {
                nearest = Math.min(nearest, here.distanceKm(stores.get(i).position()));
            }
            nearestStoreKm = nearest;
        }
        return nearestStoreKm;
    }

    private LocalDate today() {
        LocalDate date = today;
        if (date == null) {
            date = context.today();
            today = date;
        }
        return date;
    }

    /** The UTC day of now, as an epoch day: day windows over daily rows end with it. */
    private long todayUtc() {
        return Math.floorDiv(context.now().getEpochSecond(), SECONDS_PER_DAY);
    }

    /** True when {@code days} is null (ever), or {@code instant} is at most that many days before now. */
    private boolean withinDays(Instant instant, @Nullable Integer days) {
        return days == null || atOrAfterDaysAgo(instant, days);
    }

    /** {@code instant >= now - days}, without allocating. */
    private boolean atOrAfterDaysAgo(Instant instant, long days) {
        Instant now = context.now();
        long seconds = now.getEpochSecond() - days * SECONDS_PER_DAY;
        return instant.getEpochSecond() > seconds
                || (instant.getEpochSecond() == seconds && instant.getNano() >= now.getNano());
    }

    /** A comparison with a number, for loyalty points (an {@code int}: not boxed). */
    private static boolean test(long actual, Op op, Object expected) {
        if (op == Op.EXISTS) {
            return Boolean.TRUE.equals(expected);
        }
        if (op == Op.IN) {
            if (expected instanceof List<?> values) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof BigDecimal value && compare(actual, value) == 0) {
                        return true;
                    }
                }
            }
            return false;
        }
        return expected instanceof BigDecimal value && holds(op, compare(actual, value));
    }

    /** A comparison of an attribute (null when missing) with a rule's canonical value. */
    private static boolean test(@Nullable Object actual, Op op, Object expected) {
        if (op == Op.EXISTS) {
            return expected instanceof Boolean exists && exists == (actual != null);
        }
        if (actual == null) {
            return false;
        }
        switch (op) {
            case IN:
                if (expected instanceof List<?> values) {
                    for (int i = 0; i < values.size(); i++) {
                        if (compare(actual, values.get(i)) == 0) {
                            return true;
                        }
                    }
                }
                return false;
            case CONTAINS:
                return actual instanceof String text && expected instanceof String part && text.contains(part);
            case STARTS_WITH:
                return actual instanceof String text && expected instanceof String prefix && text.startsWith(prefix);
            default:
                return holds(op, compare(actual, expected));
        }
    }

    private static boolean holds(Op op, int comparison) {
        if (comparison == INCOMPARABLE) {
            return false;
        }
        return switch (op) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LTE -> comparison <= 0;
            case GT -> comparison > 0;
            case GTE -> comparison >= 0;
            default -> false;
        };
    }

    /** The sign of {@code actual - expected}, or {@link #INCOMPARABLE} when the types differ. */
    private static int compare(Object actual, Object expected) {
        if (expected instanceof BigDecimal number) {
            return actual instanceof Number value ? compare(value, number) : INCOMPARABLE;
        }
        if (expected instanceof String text) {
            return actual instanceof String value ? Integer.signum(value.compareTo(text)) : INCOMPARABLE;
        }
        if (expected instanceof Boolean flag) {
            return actual instanceof Boolean value ? Boolean.compare(value, flag) : INCOMPARABLE;
        }
        if (expected instanceof Instant instant) {
            return actual instanceof Instant value ? Integer.signum(value.compareTo(instant)) : INCOMPARABLE;
        }
        return INCOMPARABLE;
    }

    private static int compare(Number actual, BigDecimal expected) {
        if (actual instanceof Integer || actual instanceof Long || actual instanceof Short || actual instanceof Byte) {
            return compare(actual.longValue(), expected);
        }
        if (actual instanceof Double || actual instanceof Float) {
            // As doubles: attributes hold decimals such as 0.1 that a double cannot represent exactly.
            double value = actual.doubleValue();
            double bound = expected.doubleValue();
            if (!Double.isFinite(value)) {
                return INCOMPARABLE;
            }
            return value < bound ? -1 : value > bound ? 1 : 0;
        }
        if (actual instanceof BigDecimal value) {
            return value.compareTo(expected);
        }
        if (actual instanceof BigInteger value) {
            return new BigDecimal(value).compareTo(expected);
        }
        return INCOMPARABLE;
    }

    private static int compare(long actual, BigDecimal expected) {
        // Canonical whole numbers have scale 0: compare as longs without allocating.
        if (expected.scale() == 0 && expected.precision() <= 18) {
            return Long.compare(actual, expected.longValue());
        }
        return BigDecimal.valueOf(actual).compareTo(expected);
    }
}
