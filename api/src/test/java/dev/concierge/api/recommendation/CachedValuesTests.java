package dev.concierge.api.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.recommendation.ModelStore.ModelVersion;
import dev.concierge.personalization.recommendation.Neighbour;
import dev.concierge.personalization.recommendation.Recommendations;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** What the recommendation caches keep in Redis reads back as it was written. */
class CachedValuesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void modelVersion_withAndWithoutAModel_roundTrips() {
        for (ModelVersion version :
                List.of(ModelVersion.NONE, new ModelVersion(7, Instant.parse("2026-11-24T10:15:30.123456Z")))) {
            assertThat(json.readValue(json.writeValueAsBytes(version), ModelVersion.class))
                    .isEqualTo(version);
        }
    }

    @Test
    void neighbourLists_roundTrip() {
        JavaType type = json.getTypeFactory().constructCollectionType(List.class, Neighbour.class);
        List<Neighbour> neighbours = List.of(new Neighbour("RNG-0002", 0.42, 3), new Neighbour("NCK-0001", 0.1, 2));

        List<Neighbour> read = json.readValue(json.writeValueAsBytes(neighbours), type);

        assertThat(read).isEqualTo(neighbours);
    }

    @Test
    void recommendations_roundTrip() {
        Recommendations recommendations = new Recommendations(
                List.of(new Recommendations.Item("RNG-0002", 1.5, "Because you bought Halo Ring")),
                "item-to-item",
                Instant.parse("2026-11-24T10:15:30Z"));

        assertThat(json.readValue(json.writeValueAsBytes(recommendations), Recommendations.class))
                .isEqualTo(recommendations);
    }
}
