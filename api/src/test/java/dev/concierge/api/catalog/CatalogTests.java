package dev.concierge.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.api.support.ConciergeTest;
import dev.concierge.api.support.Errors;
import dev.concierge.api.support.TestData;
import dev.concierge.api.support.Testers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

@ConciergeTest
class CatalogTests {

    @Autowired
    Testers testers;

    @Autowired
    TestData data;

    @Test
    void product_bySku_isPublic() {
        String sku = data.skus(1).get(0);
        GraphQlTester.Response response =
                testers.anonymous().documentName("product").variable("sku", sku).execute();
        response.path("product.sku").entity(String.class).isEqualTo(sku);
        response.path("product.price.currency").entity(String.class).isEqualTo("USD");
        response.path("product.imageUrls").entityList(String.class).hasSizeGreaterThan(0);
        response.path("product.careIntervalDays")
                .entity(Integer.class)
                .satisfies(days -> assertThat(days).isPositive());
    }

    @Test
    void product_unknownSku_isNull() {
        testers.anonymous()
                .documentName("product")
                .variable("sku", "NO-SUCH-SKU")
                .execute()
                .path("product")
                .valueIsNull();
    }

    @Test
    void nearestStores_areOrderedByGreatCircleDistance() {
        // Times Square: the Fifth Avenue store is a few km away, Chicago about 1,150 km.
        GraphQlTester.Response response = testers.anonymous()
                .documentName("nearestStores")
                .variable("location", Map.of("lat", 40.758, "lon", -73.9855))
                .variable("first", 5)
                .execute();
        response.path("nearestStores[*].distanceKm").entityList(Double.class).satisfies(distances -> {
            assertThat(distances).isSorted();
            assertThat(distances.get(0)).isLessThan(5.0);
        });
        response.path("nearestStores[0].store.location.lat")
                .entity(Double.class)
                .satisfies(lat -> assertThat(lat).isBetween(40.0, 41.5));
    }

    @Test
    void nearestStores_first_limitsTheList() {
        testers.anonymous()
                .documentName("nearestStores")
                .variable("location", Map.of("lat", 51.5, "lon", -0.14))
                .variable("first", 2)
                .execute()
                .path("nearestStores")
                .entityList(Object.class)
                .hasSize(2);
    }

    @ParameterizedTest(name = "lat {0}, lon {1}")
    @CsvSource({"91, 0, latitude", "-90.5, 0, latitude", "0, 180.01, longitude", "0, -200, longitude"})
    void nearestStores_coordinatesOutOfRange_areBadUserInput(double lat, double lon, String mentioned) {
        testers.anonymous()
                .documentName("nearestStores")
                .variable("location", Map.of("lat", lat, "lon", lon))
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", mentioned));
    }

    @Test
    void nearestStores_nonNumericCoordinate_isBadUserInput() {
        testers.anonymous()
                .documentName("nearestStores")
                .variable("location", Map.of("lat", "north", "lon", 0))
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT"));
    }

    @Test
    void nearestStores_tooMany_isBadUserInput() {
        testers.anonymous()
                .documentName("nearestStores")
                .variable("location", Map.of("lat", 0, "lon", 0))
                .variable("first", 1000)
                .execute()
                .errors()
                .satisfy(Errors.single("BAD_USER_INPUT", "first"));
    }
}
