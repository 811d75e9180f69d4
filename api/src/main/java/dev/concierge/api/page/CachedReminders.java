package dev.concierge.api.page;

import dev.concierge.api.cache.CacheFactory;
import dev.concierge.personalization.cache.Consistency;
import dev.concierge.personalization.cache.TwoLevelCache;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's reminders behind the two-level cache, read-your-writes under the customer's
 * generation ({@code customer:<id>}, as their snapshot): the purchases and service orders they are
 * computed from change only through writes that start a new generation, so a purchase or an order
 * made ready shows on the next page. Keyed by the day as well, which decides what is due and overdue.
 * Product names in the text follow the catalogue within the cache's TTL.
 */
class CachedReminders {

    private final TwoLevelCache<Key, List<PageReminder>> reminders;

    record Key(String customerId, LocalDate today) {

        String id() {
            return today + "|" + customerId;
        }
    }

    CachedReminders(CacheFactory caches, JsonMapper json, ReminderRepository source) {
        JavaType list = json.getTypeFactory().constructCollectionType(List.class, PageReminder.class);
        this.reminders = caches.create(
                "page-reminders",
                Consistency.READ_YOUR_WRITES,
                Key::id,
                key -> PageCaches.generation(key.customerId()),
                list,
                key -> source.due(key.customerId(), key.today(), PageController.REMINDER_HORIZON_DAYS)
                        .collectList());
    }

    Mono<List<PageReminder>> due(String customerId, LocalDate today) {
        return reminders.get(new Key(customerId, today));
    }
}
