package dev.concierge.personalization.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceOrderStatusTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RECEIVED         | RECEIVED         | false
            RECEIVED         | IN_PROGRESS      | true
            RECEIVED         | QUALITY_CHECK    | false
            RECEIVED         | READY_FOR_PICKUP | false
            RECEIVED         | DELIVERED        | false
            IN_PROGRESS      | RECEIVED         | false
            IN_PROGRESS      | IN_PROGRESS      | false
            IN_PROGRESS      | QUALITY_CHECK    | true
            IN_PROGRESS      | READY_FOR_PICKUP | false
            IN_PROGRESS      | DELIVERED        | false
            QUALITY_CHECK    | RECEIVED         | false
            QUALITY_CHECK    | IN_PROGRESS      | true
            QUALITY_CHECK    | QUALITY_CHECK    | false
            QUALITY_CHECK    | READY_FOR_PICKUP | true
            QUALITY_CHECK    | DELIVERED        | false
            READY_FOR_PICKUP | RECEIVED         | false
            READY_FOR_PICKUP | IN_PROGRESS      | false
            READY_FOR_PICKUP | QUALITY_CHECK    | false
            READY_FOR_PICKUP | READY_FOR_PICKUP | false
            READY_FOR_PICKUP | DELIVERED        | true
            DELIVERED        | RECEIVED         | false
            DELIVERED        | IN_PROGRESS      | false
            DELIVERED        | QUALITY_CHECK    | false
            DELIVERED        | READY_FOR_PICKUP | false
            DELIVERED        | DELIVERED        | false
            """)
    void canMoveTo_everyPair_followsTheWorkflow(ServiceOrderStatus from, ServiceOrderStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @Test
    void next_delivered_isEmpty() {
        assertThat(ServiceOrderStatus.DELIVERED.next()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ServiceOrderStatus.class, names = "DELIVERED", mode = EnumSource.Mode.EXCLUDE)
    void open_beforeDelivery_isTrue(ServiceOrderStatus status) {
        assertThat(status.open()).isTrue();
        assertThat(status.next()).isNotEmpty();
    }

    @Test
    void open_delivered_isFalse() {
        assertThat(ServiceOrderStatus.DELIVERED.open()).isFalse();
    }

    @Test
    void next_changedByCaller_doesNotAlterTheWorkflow() {
        ServiceOrderStatus.RECEIVED.next().add(ServiceOrderStatus.DELIVERED);

        assertThat(ServiceOrderStatus.RECEIVED.canMoveTo(ServiceOrderStatus.DELIVERED))
                .isFalse();
    }
}
