package dev.concierge.personalization.customer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a repair or custom design is. Orders move forward one step at a time; quality check may
 * send work back to the bench; delivered is final.
 */
public enum ServiceOrderStatus {
    RECEIVED,
    IN_PROGRESS,
    QUALITY_CHECK,
    READY_FOR_PICKUP,
    DELIVERED;

    /** The statuses an order in this status may move to. */
    public Set<ServiceOrderStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(QUALITY_CHECK);
            case QUALITY_CHECK -> EnumSet.of(IN_PROGRESS, READY_FOR_PICKUP);
            case READY_FOR_PICKUP -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.noneOf(ServiceOrderStatus.class);
        };
    }

    public boolean canMoveTo(ServiceOrderStatus target) {
        return next().contains(target);
    }

    public boolean open() {
        return this != DELIVERED;
    }
}
