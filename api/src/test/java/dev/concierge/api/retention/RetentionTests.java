package dev.concierge.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The retention job on the real partitioned table. The runs happen "in 2019", so that they touch
 * only the rows these tests insert there and never the data other tests share.
 */
@ConciergeTest
class RetentionTests {

    private static final Instant NOW = Instant.parse("2019-12-15T12:00:00Z");

    @Autowired
    private RetentionJob job;

    @Autowired
    private RetentionProperties settings;

    @Autowired
    private DatabaseClient db;

    @Test
    void defaults_keepBrowsingEventsFor180Days() {
        assertThat(settings.browsingEvents()).isEqualTo(Duration.ofDays(180));
        assertThat(settings.dailyActivity()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void run_removesEventsOlderThanTheCutoff_keepsNewerOnes_andIsIdempotent() {
        String customer = new TestData(db).newCustomer();
        Instant cutoff = NOW.minus(Duration.ofDays(180)); // 2019-06-18T12:00Z
        db.sql("select ensure_browsing_event_partitions(date '2019-02-01', date '2019-06-01')")
                .then()
                .block();
        String prefix = "retention-" + customer + "-";
        insertEvent(prefix + "feb", customer, Instant.parse("2019-02-10T00:00:00Z"));
        insertEvent(prefix + "early-june", customer, cutoff.minus(Duration.ofDays(2)));
        insertEvent(prefix + "late-june", customer, cutoff.plus(Duration.ofHours(1)));
        insertEvent(prefix + "november", customer, Instant.parse("2019-11-30T00:00:00Z"));
        // a month without a partition: the row sits in the default partition
        insertEvent(prefix + "default", customer, Instant.parse("2018-12-01T00:00:00Z"));
        insertActivity(customer, LocalDate.parse("2018-11-01"));
        insertActivity(customer, LocalDate.parse("2019-03-01"));

        RetentionJob.Result first = job.run(NOW).block();

        assertThat(first).isNotNull();
        assertThat(first.partitionsDropped()).isGreaterThanOrEqualTo(4); // 2019-02 .. 2019-05
        assertThat(remainingEvents(prefix)).containsExactlyInAnyOrder(prefix + "late-june", prefix + "november");
        assertThat(remainingIds(prefix)).containsExactlyInAnyOrder(prefix + "late-june", prefix + "november");
        assertThat(count("select count(*) from customer_daily_activity where customer_id = :id", customer))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from pg_class where relname = 'browsing_events_y2019m02' and :id <> ''",
                        customer))
                .isZero();
        // the months ahead of "now" are ready
        assertThat(count(
                        "select count(*) from pg_class where relname = 'browsing_events_y2020m03' and :id <> ''",
                        customer))
                .isEqualTo(1);

        RetentionJob.Result second = job.run(NOW).block();
        assertThat(second).isEqualTo(new RetentionJob.Result(0, 0, 0, 0));
        assertThat(remainingEvents(prefix)).hasSize(2);
    }

    @Test
    void settings_rejectNonsense() {
        assertThatThrownBy(() -> new RetentionProperties(
                        Duration.ofHours(1), Duration.ofDays(365), true, Duration.ofHours(6), Duration.ZERO))
                .hasMessageContaining("browsing-events must be at least one day");
        assertThatThrownBy(() -> new RetentionProperties(
                        Duration.ofDays(180), Duration.ofDays(365), true, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("interval must be positive");
    }

    private void insertEvent(String id, String customer, Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        db.sql("insert into browsing_event_ids (event_id, received_at) values (:id, :at)")
                .bind("id", id)
                .bind("at", when)
                .then()
                .block();
        db.sql("""
                        insert into browsing_events (event_id, customer_id, type, page, channel, occurred_at, received_at)
                        values (:id, :customer, 'PAGE_VIEW', '/', 'WEB', :at, :at)""")
                .bind("id", id)
                .bind("customer", customer)
                .bind("at", when)
                .then()
                .block();
    }

    private void insertActivity(String customer, LocalDate day) {
        db.sql("""
                        insert into customer_daily_activity (customer_id, day, event_type, category, event_count)
                        values (:customer, :day, 'PAGE_VIEW', '', 1)""").bind("customer", customer).bind("day", day).then().block();
    }

    private java.util.List<String> remainingEvents(String prefix) {
        return db.sql("select event_id from browsing_events where event_id like :prefix")
                .bind("prefix", prefix + "%")
                .map(row -> row.get("event_id", String.class))
                .all()
                .collectList()
                .block();
    }

    private java.util.List<String> remainingIds(String prefix) {
        return db.sql("select event_id from browsing_event_ids where event_id like :prefix")
                .bind("prefix", prefix + "%")
                .map(row -> row.get("event_id", String.class))
                .all()
                .collectList()
                .block();
    }

    private long count(String sql, String parameter) {
        return new TestData(db).count(sql, parameter);
    }
}
