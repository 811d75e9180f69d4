package dev.concierge.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.demo.DemoDataset.BrowsingEvent;
import dev.concierge.api.demo.DemoDataset.Consent;
import dev.concierge.api.demo.DemoDataset.Customer;
import dev.concierge.api.demo.DemoDataset.Product;
import dev.concierge.api.demo.DemoDataset.Purchase;
import dev.concierge.api.demo.DemoDataset.PurchaseItem;
import dev.concierge.api.demo.DemoDataset.ServiceOrder;
import dev.concierge.api.demo.DemoDataset.ServiceOrderKind;
import dev.concierge.api.demo.DemoDataset.StatusChange;
import dev.concierge.api.demo.DemoDataset.Store;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.LoyaltyTier;
import dev.concierge.personalization.customer.ProductCategory;
import dev.concierge.personalization.customer.ServiceOrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoDataGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    private final DemoDataset dataset = new DemoDataGenerator().generate(TODAY);

    private final Instant dayStart = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void generate_sameSeedAndDay_givesEqualDatasets() {
        DemoDataset again = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).generate(TODAY);

        assertThat(again).isEqualTo(dataset);
    }

    @Test
    void generate_fromClock_usesTheClocksUtcDay() {
        Clock clock = Clock.fixed(dayStart.plus(13, ChronoUnit.HOURS), ZoneOffset.ofHours(-11));

        assertThat(new DemoDataGenerator().generate(clock)).isEqualTo(dataset);
    }

    @Test
    void generate_otherSeed_givesAnotherDataset() {
        DemoDataset other = new DemoDataGenerator(7).generate(TODAY);

        assertThat(other.purchases()).isNotEqualTo(dataset.purchases());
        assertThat(other.customers()).extracting(Customer::id).isEqualTo(ids(dataset.customers(), Customer::id));
    }

    @ParameterizedTest(name = "today {0}")
    @ValueSource(strings = {"2024-02-26", "2025-12-30", "2028-02-26", "2031-07-01"})
    void generate_anyDay_keepsTheSpecialCustomersAndReferences(String day) {
        LocalDate today = LocalDate.parse(day);
        DemoDataset other = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED + day.hashCode()).generate(today);

        assertThat(customer(other, "demo-1").birthday())
                .isEqualTo(today.plusDays(3).withYear(1988));
        assertThat(other.serviceOrders()).extracting(ServiceOrder::status).contains(ServiceOrderStatus.values());
        assertReferencesResolve(other);
        assertNothingAfter(other, today.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void catalogue_coversEveryCategoryWithPhotosAndCare() {
        assertThat(dataset.stores()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(dataset.stores()).extracting(Store::id).contains("nyc-fifth-avenue", "lon-bond-street");
        Store fifthAvenue = dataset.stores().get(0);
        assertThat(fifthAvenue.latitude()).isEqualTo(40.7624);
        assertThat(fifthAvenue.longitude()).isEqualTo(-73.9738);
        assertThat(dataset.products()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(dataset.products()).extracting(Product::category).contains(ProductCategory.values());
        assertThat(dataset.products()).extracting(Product::sku).doesNotHaveDuplicates();
        assertThat(dataset.products()).allSatisfy(product -> {
            assertThat(product.sku()).hasSizeBetween(1, 64);
            assertThat(product.price()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(product.price().scale()).isEqualTo(2);
            assertThat(product.imageUrls())
                    .first()
                    .isEqualTo("https://images.concierge.example/products/" + product.sku() + ".jpg");
            if (product.category() == ProductCategory.SERVICES) {
                assertThat(product.careIntervalDays()).isNull();
            } else {
                assertThat(product.careIntervalDays()).isPositive();
            }
        });
        assertThat(dataset.products())
                .filteredOn(product -> product.category() == ProductCategory.WATCHES)
                .extracting(Product::careIntervalDays)
                .containsOnly(730);
        assertThat(dataset.products()).filteredOn(Product::repurchasable).isNotEmpty();
    }

    @Test
    void customers_areDemo1ToDemo60WithUniqueEmails() {
        assertThat(dataset.customers())
                .extracting(Customer::id)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, 60).mapToObj(i -> "demo-" + i).toList());
        assertThat(dataset.customers())
                .extracting(Customer::email)
                .doesNotHaveDuplicates()
                .allSatisfy(email -> assertThat(email).endsWith("@example.com"));
        assertThat(dataset.customers()).extracting(Customer::externalId).doesNotHaveDuplicates();
        assertThat(dataset.customers()).allSatisfy(customer -> {
            assertThat(customer.loyaltyPoints()).isNotNegative();
            assertThat(customer.updatedAt()).isAfterOrEqualTo(customer.createdAt());
        });
        assertThat(dataset.customers()).extracting(Customer::loyaltyTier).contains(LoyaltyTier.values());
    }

    @Test
    void demo1_isAGoldCustomerWithABirthdaySoonAWatchAndARepairInProgress() {
        Customer olivia = customer(dataset, "demo-1");
        List<Purchase> purchases = purchasesOf("demo-1");

        assertThat(olivia.loyaltyTier()).isEqualTo(LoyaltyTier.GOLD);
        assertThat(olivia.loyaltyPoints()).isPositive();
        assertThat(olivia.birthday()).isEqualTo(LocalDate.of(1988, 3, 17));
        assertThat(purchases).hasSizeGreaterThanOrEqualTo(5);
        assertThat(categoriesBought(purchases)).contains(ProductCategory.WATCHES);
        assertThat(ordersOf("demo-1")).anySatisfy(order -> {
            assertThat(order.kind()).isEqualTo(ServiceOrderKind.REPAIR);
            assertThat(order.status()).isEqualTo(ServiceOrderStatus.IN_PROGRESS);
            assertThat(order.expectedAt()).isAfter(TODAY);
        });
        assertThat(currentConsents("demo-1"))
                .containsOnlyKeys(ConsentPurpose.values())
                .doesNotContainValue(false);
        assertThat(eventsOf("demo-1")).isNotEmpty();
    }

    @Test
    void demo2_isAPlatinumBigSpenderWithACustomDesignReadyForPickup() {
        BigDecimal spend = purchasesOf("demo-2").stream().map(Purchase::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal largestOtherSpend = dataset.customers().stream()
                .map(Customer::id)
                .filter(id -> !id.equals("demo-2"))
                .map(id -> purchasesOf(id).stream().map(Purchase::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                .max(Comparator.naturalOrder())
                .orElseThrow();

        assertThat(customer(dataset, "demo-2").loyaltyTier()).isEqualTo(LoyaltyTier.PLATINUM);
        assertThat(spend).isGreaterThan(new BigDecimal("40000")).isGreaterThan(largestOtherSpend);
        assertThat(ordersOf("demo-2")).anySatisfy(order -> {
            assertThat(order.kind()).isEqualTo(ServiceOrderKind.CUSTOM_DESIGN);
            assertThat(order.status()).isEqualTo(ServiceOrderStatus.READY_FOR_PICKUP);
        });
    }

    @Test
    void demo3_revokedBrowsingTrackingAndLocationAfterGrantingThem() {
        Map<ConsentPurpose, Boolean> current = currentConsents("demo-3");
        List<Consent> ledger = ledgerOf("demo-3");

        assertThat(current)
                .containsEntry(ConsentPurpose.BROWSING_TRACKING, false)
                .containsEntry(ConsentPurpose.LOCATION, false);
        assertThat(ledger)
                .filteredOn(row ->
                        row.purpose() == ConsentPurpose.BROWSING_TRACKING || row.purpose() == ConsentPurpose.LOCATION)
                .filteredOn(Consent::granted)
                .hasSize(2);
        Instant revoked = ledger.stream()
                .filter(row -> row.purpose() == ConsentPurpose.BROWSING_TRACKING && !row.granted())
                .map(Consent::recordedAt)
                .findFirst()
                .orElseThrow();
        assertThat(eventsOf("demo-3"))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.occurredAt()).isBefore(revoked));
    }

    @Test
    void demo4_isABrandNewBronzeCustomerWithoutPurchases() {
        Customer lucas = customer(dataset, "demo-4");

        assertThat(lucas.loyaltyTier()).isEqualTo(LoyaltyTier.BRONZE);
        assertThat(lucas.createdAt()).isAfter(dayStart.minus(2, ChronoUnit.DAYS));
        assertThat(purchasesOf("demo-4")).isEmpty();
        assertThat(ordersOf("demo-4")).isEmpty();
    }

    @Test
    void demo5_isLapsedWithAWatchOverdueForService() {
        List<Purchase> purchases = purchasesOf("demo-5");
        Instant lastPurchase = purchases.stream()
                .map(Purchase::purchasedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();

        assertThat(lastPurchase).isBefore(dayStart.minus(200, ChronoUnit.DAYS));
        assertThat(purchases.stream().flatMap(p -> p.items().stream())).anySatisfy(item -> {
            assertThat(product(item.sku()).category()).isEqualTo(ProductCategory.WATCHES);
            assertThat(item.nextServiceDue()).isBefore(TODAY);
        });
    }

    @Test
    void consents_includeCustomersWithoutTrackingOrLocation() {
        long withoutTracking = dataset.customers().stream()
                .filter(c -> !currentConsents(c.id()).getOrDefault(ConsentPurpose.BROWSING_TRACKING, false))
                .count();
        long withoutLocation = dataset.customers().stream()
                .filter(c -> !currentConsents(c.id()).getOrDefault(ConsentPurpose.LOCATION, false))
                .count();

        assertThat(withoutTracking).isGreaterThanOrEqualTo(3);
        assertThat(withoutLocation).isGreaterThanOrEqualTo(3);
        assertThat(dataset.consents()).filteredOn(row -> !row.granted()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void purchases_haveConsistentTotalsCareAndCover() {
        assertThat(dataset.purchases())
                .extracting(Purchase::id)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("p-"));
        assertThat(dataset.purchases())
                .extracting(Purchase::idempotencyKey)
                .doesNotHaveDuplicates()
                .allSatisfy(key -> assertThat(key).startsWith("demo-"));
        assertThat(dataset.purchases()).extracting(Purchase::channel).contains(Channel.STORE, Channel.WEB, Channel.APP);
        assertThat(dataset.purchases()).allSatisfy(purchase -> {
            BigDecimal sum = purchase.items().stream()
                    .map(item -> item.unitPrice().multiply(BigDecimal.valueOf(item.quantity())))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(purchase.total()).isEqualByComparingTo(sum);
            assertThat(purchase.items()).isNotEmpty();
            assertThat(purchase.items())
                    .extracting(PurchaseItem::lineNo)
                    .isEqualTo(IntStream.rangeClosed(1, purchase.items().size())
                            .boxed()
                            .toList());
            if (purchase.channel() == Channel.STORE) {
                assertThat(purchase.storeId()).isNotNull();
            }
            LocalDate date = LocalDate.ofInstant(purchase.purchasedAt(), ZoneOffset.UTC);
            for (PurchaseItem item : purchase.items()) {
                Product product = product(item.sku());
                assertThat(item.quantity()).isPositive();
                assertThat(item.imageUrl()).isEqualTo(product.imageUrls().get(0));
                assertThat(item.nextServiceDue())
                        .isEqualTo(
                                product.careIntervalDays() == null ? null : date.plusDays(product.careIntervalDays()));
                if (product.category() == ProductCategory.WATCHES) {
                    assertThat(item.insurance()).isNotNull();
                    assertThat(item.servicingInstructions()).isNotBlank();
                }
            }
        });
    }

    @Test
    void browsingEvents_areTrackedOnlyWithConsentAndCoverTheChannels() {
        assertThat(dataset.browsingEvents()).hasSizeGreaterThan(1000);
        assertThat(dataset.browsingEvents())
                .extracting(BrowsingEvent::eventId)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("demo-ev-").hasSizeLessThanOrEqualTo(128));
        assertThat(dataset.browsingEvents())
                .extracting(BrowsingEvent::channel)
                .contains(Channel.WEB, Channel.APP, Channel.WATCH, Channel.KIOSK);
        assertThat(dataset.browsingEvents())
                .filteredOn(event -> event.anonymousId() != null)
                .isNotEmpty();
        Instant windowStart = dayStart.minus(DemoDataGenerator.BROWSING_DAYS, ChronoUnit.DAYS);
        assertThat(dataset.browsingEvents()).allSatisfy(event -> {
            assertThat(event.occurredAt()).isAfterOrEqualTo(windowStart).isBefore(dayStart);
            assertThat(event.customerId() == null).isNotEqualTo(event.anonymousId() == null);
            if (event.customerId() != null) {
                assertThat(grantedAt(event.customerId(), ConsentPurpose.BROWSING_TRACKING, event.occurredAt()))
                        .as("tracking consent of %s at %s", event.customerId(), event.occurredAt())
                        .isTrue();
            }
            switch (event.type()) {
                case PRODUCT_VIEW, ADD_TO_CART -> assertThat(event.sku()).isNotNull();
                case SEARCH -> assertThat(event.query()).isNotBlank();
                case STORE_VISIT -> assertThat(event.storeId()).isNotNull();
                case PAGE_VIEW -> assertThat(event.page()).isNotNull();
            }
        });
    }

    @Test
    void serviceOrders_coverEveryKindAndStatusWithConsistentHistories() {
        for (ServiceOrderKind kind : ServiceOrderKind.values()) {
            assertThat(dataset.serviceOrders())
                    .filteredOn(order -> order.kind() == kind)
                    .extracting(ServiceOrder::status)
                    .contains(ServiceOrderStatus.values());
        }
        assertThat(dataset.serviceOrders())
                .extracting(ServiceOrder::id)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("so-"));
        assertThat(dataset.serviceOrders()).allSatisfy(order -> {
            List<StatusChange> history = order.history();
            assertThat(history.get(0).status()).isEqualTo(ServiceOrderStatus.RECEIVED);
            assertThat(history.get(0).changedAt()).isEqualTo(order.createdAt());
            assertThat(history.get(history.size() - 1).status()).isEqualTo(order.status());
            assertThat(history.get(history.size() - 1).changedAt()).isEqualTo(order.updatedAt());
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i - 1).status().canMoveTo(history.get(i).status()))
                        .isTrue();
                assertThat(history.get(i).changedAt())
                        .isAfterOrEqualTo(history.get(i - 1).changedAt());
            }
            assertThat(order.expectedAt()).isAfter(LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC));
            if (order.kind() == ServiceOrderKind.REPAIR && order.sku() != null) {
                assertThat(purchasesOf(order.customerId()).stream().flatMap(p -> p.items().stream()))
                        .extracting(PurchaseItem::sku)
                        .contains(order.sku());
            }
        });
    }

    @Test
    void everyReferenceResolvesAndNothingIsInTheFuture() {
        assertReferencesResolve(dataset);
        assertNothingAfter(dataset, dayStart);
    }

    private static void assertReferencesResolve(DemoDataset data) {
        Set<String> stores = Set.copyOf(ids(data.stores(), Store::id));
        Set<String> products = Set.copyOf(ids(data.products(), Product::sku));
        Set<String> customers = Set.copyOf(ids(data.customers(), Customer::id));
        assertThat(data.customers()).extracting(Customer::homeStoreId).allMatch(stores::contains);
        assertThat(data.consents()).extracting(Consent::customerId).allMatch(customers::contains);
        assertThat(data.purchases()).allSatisfy(purchase -> {
            assertThat(customers).contains(purchase.customerId());
            if (purchase.storeId() != null) {
                assertThat(stores).contains(purchase.storeId());
            }
            assertThat(purchase.items()).extracting(PurchaseItem::sku).allMatch(products::contains);
        });
        assertThat(data.browsingEvents()).allSatisfy(event -> {
            if (event.customerId() != null) {
                assertThat(customers).contains(event.customerId());
            }
            if (event.sku() != null) {
                assertThat(products).contains(event.sku());
            }
            if (event.storeId() != null) {
                assertThat(stores).contains(event.storeId());
            }
        });
        assertThat(data.serviceOrders()).allSatisfy(order -> {
            assertThat(customers).contains(order.customerId());
            assertThat(stores).contains(order.storeId());
            if (order.sku() != null) {
                assertThat(products).contains(order.sku());
            }
        });
    }

    private static void assertNothingAfter(DemoDataset data, Instant dayStart) {
        Stream<Instant> times = Stream.of(
                        data.customers().stream().flatMap(c -> Stream.of(c.createdAt(), c.updatedAt())),
                        data.consents().stream().map(Consent::recordedAt),
                        data.purchases().stream().map(Purchase::purchasedAt),
                        data.browsingEvents().stream().map(BrowsingEvent::occurredAt),
                        data.serviceOrders().stream()
                                .flatMap(o -> o.history().stream().map(StatusChange::changedAt)))
                .flatMap(Function.identity());
        assertThat(times).allMatch(time -> time.isBefore(dayStart));
    }

    private static <T> List<String> ids(List<T> values, Function<T, String> id) {
        return values.stream().map(id).toList();
    }

    private static Customer customer(DemoDataset data, String id) {
        return data.customers().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Product product(String sku) {
        return dataset.products().stream()
                .filter(p -> p.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    private List<Purchase> purchasesOf(String customerId) {
        return dataset.purchases().stream()
                .filter(p -> p.customerId().equals(customerId))
                .toList();
    }

    private List<ServiceOrder> ordersOf(String customerId) {
        return dataset.serviceOrders().stream()
                .filter(o -> o.customerId().equals(customerId))
                .toList();
    }

    private List<BrowsingEvent> eventsOf(String customerId) {
        return dataset.browsingEvents().stream()
                .filter(e -> customerId.equals(e.customerId()))
                .toList();
    }

    private List<Consent> ledgerOf(String customerId) {
        return dataset.consents().stream()
                .filter(c -> c.customerId().equals(customerId))
                .toList();
    }

    private Set<ProductCategory> categoriesBought(List<Purchase> purchases) {
        return purchases.stream()
                .flatMap(p -> p.items().stream())
                .map(item -> product(item.sku()).category())
                .collect(Collectors.toSet());
    }

    /** The ledger's current state: the latest row per purpose (later rows in the list win ties). */
    private Map<ConsentPurpose, Boolean> currentConsents(String customerId) {
        return ledgerOf(customerId).stream()
                .collect(Collectors.toMap(
                        Consent::purpose, row -> row, (a, b) -> b.recordedAt().isBefore(a.recordedAt()) ? a : b))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().granted()));
    }

    private boolean grantedAt(String customerId, ConsentPurpose purpose, Instant at) {
        return ledgerOf(customerId).stream()
                .filter(row -> row.purpose() == purpose && !row.recordedAt().isAfter(at))
                .max(Comparator.comparing(Consent::recordedAt))
                .map(Consent::granted)
                .orElse(false);
    }
}
