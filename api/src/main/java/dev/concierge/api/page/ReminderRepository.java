package dev.concierge.api.page;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The reminders a page shows: care due on purchased items (the latest purchase of each sku decides
 * when its next service is due) within the horizon or overdue, and orders ready for pickup.
 */
class ReminderRepository {

    private final DatabaseClient db;

    ReminderRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<PageReminder> due(String customerId, LocalDate today, int horizonDays) {
        return db.sql("""
                        select kind, name, due_on, sku from (
                            select distinct on (i.sku) 'CARE_DUE' as kind, pr.name, i.next_service_due as due_on, i.sku
                            from purchases p
                            join purchase_items i on i.purchase_id = p.id
                            join products pr on pr.sku = i.sku
                            where p.customer_id = :customer and i.next_service_due is not null
                            order by i.sku, p.purchased_at desc
                        ) care
                        where due_on <= :until
                        union all
                        select 'ORDER_READY', o.description, (h.changed_at at time zone 'UTC')::date, o.sku
                        from service_orders o
                        join lateral (select changed_at from service_order_status_history
                                      where service_order_id = o.id order by changed_at desc, id desc limit 1) h on true
                        where o.customer_id = :customer and o.status = 'READY_FOR_PICKUP'
                        order by due_on""")
                .bind("customer", customerId)
                .bind("until", today.plusDays(horizonDays))
                .map(row -> {
                    PageReminder.Kind kind = PageReminder.Kind.valueOf(row.get("kind", String.class));
                    String name = row.get("name", String.class);
                    LocalDate due = row.get("due_on", LocalDate.class);
                    boolean overdue = due.isBefore(today);
                    String text = switch (kind) {
                        case CARE_DUE -> (overdue ? "Overdue for care: " : "Care due soon: ") + name;
                        case ORDER_READY -> "Ready for pickup: " + name;
                    };
                    return new PageReminder(
                            kind,
                            text,
                            due,
                            kind == PageReminder.Kind.CARE_DUE && overdue,
                            row.get("sku", String.class));
                })
                .all();
    }
}
