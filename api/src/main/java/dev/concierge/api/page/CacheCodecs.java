package dev.concierge.api.page;

import dev.concierge.personalization.cache.Codec;
import dev.concierge.personalization.customer.Consent;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.Consents;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.segment.Segment;
import dev.concierge.personalization.segment.SegmentRules;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON codecs for cached values whose core types are not plain data: a snapshot's consents are
 * stored as their deciding ledger rows, and a segment's rule as its JSON tree, parsed back on read.
 */
final class CacheCodecs {

    private CacheCodecs() {}

    static Codec<CustomerSnapshot> snapshots(JsonMapper json) {
        return new Codec<>() {
            @Override
            public byte[] encode(CustomerSnapshot snapshot) {
                List<Consent> consents = new ArrayList<>();
                for (ConsentPurpose purpose : ConsentPurpose.values()) {
                    snapshot.consents().latest(purpose).ifPresent(consents::add);
                }
                return json.writeValueAsBytes(new StoredSnapshot(
                        snapshot.profile(), consents, snapshot.activity(), snapshot.openServiceOrders()));
            }

            @Override
            public CustomerSnapshot decode(byte[] bytes) {
                StoredSnapshot stored = json.readValue(bytes, StoredSnapshot.class);
                return new CustomerSnapshot(
                        stored.profile(),
                        Consents.fromLedger(stored.consents()),
                        stored.activity(),
                        stored.openServiceOrders());
            }
        };
    }

    static Codec<List<Segment>> segments(JsonMapper json) {
        return new Codec<>() {
            @Override
            public byte[] encode(List<Segment> segments) {
                List<StoredSegment> stored = new ArrayList<>(segments.size());
                for (Segment segment : segments) {
                    stored.add(new StoredSegment(
                            segment.id(), segment.name(), segment.rule().toTree()));
                }
                return json.writeValueAsBytes(stored);
            }

            @Override
            public List<Segment> decode(byte[] bytes) {
                List<StoredSegment> stored = json.readValue(bytes, new TypeReference<List<StoredSegment>>() {});
                List<Segment> segments = new ArrayList<>(stored.size());
                for (StoredSegment segment : stored) {
                    segments.add(new Segment(segment.id(), segment.name(), SegmentRules.parse(segment.rule(), "rule")));
                }
                return segments;
            }
        };
    }

    record StoredSnapshot(
            CustomerSnapshot.Profile profile,
            List<Consent> consents,
            CustomerSnapshot.Activity activity,
            List<CustomerSnapshot.OpenServiceOrder> openServiceOrders) {}

    record StoredSegment(String id, String name, Object rule) {}
}
