package dev.concierge.personalization.customer;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A customer's current consent per purpose: the latest ledger row wins; none means not granted. */
public final class Consents {

    private final Map<ConsentPurpose, Consent> latest;

    private Consents(Map<ConsentPurpose, Consent> latest) {
        this.latest = latest;
    }

    /** Folds ledger rows, in any order, into the current state. Later rows win; ties keep the last given. */
    public static Consents fromLedger(Collection<Consent> ledger) {
        Map<ConsentPurpose, Consent> latest = new EnumMap<>(ConsentPurpose.class);
        for (Consent row : ledger) {
            latest.merge(
                    row.purpose(),
                    row,
                    (current, next) -> next.recordedAt().isBefore(current.recordedAt()) ? current : next);
        }
        return new Consents(latest);
    }

    public boolean granted(ConsentPurpose purpose) {
        Consent consent = latest.get(purpose);
        return consent != null && consent.granted();
    }

    /** The ledger row that decides the purpose's state, if any. */
    public Optional<Consent> latest(ConsentPurpose purpose) {
        return Optional.ofNullable(latest.get(purpose));
    }

    /** Every purpose in declaration order, granted or not. */
    public List<ConsentPurpose> purposes() {
        return List.of(ConsentPurpose.values());
    }
}
