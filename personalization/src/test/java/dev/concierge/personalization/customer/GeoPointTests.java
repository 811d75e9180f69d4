package dev.concierge.personalization.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeoPointTests {

    private static final GeoPoint NEW_YORK = new GeoPoint(40.7128, -74.0060);
    private static final GeoPoint LONDON = new GeoPoint(51.5074, -0.1278);
    private static final GeoPoint SYDNEY = new GeoPoint(-33.8688, 151.2093);

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.argumentSet("latitude below -90", -90.0001, 0.0, "lat"),
                Arguments.argumentSet("latitude above 90", 90.0001, 0.0, "lat"),
                Arguments.argumentSet("latitude NaN", Double.NaN, 0.0, "lat"),
                Arguments.argumentSet("latitude +Infinity", Double.POSITIVE_INFINITY, 0.0, "lat"),
                Arguments.argumentSet("latitude -Infinity", Double.NEGATIVE_INFINITY, 0.0, "lat"),
                Arguments.argumentSet("longitude below -180", 0.0, -180.0001, "lon"),
                Arguments.argumentSet("longitude above 180", 0.0, 180.0001, "lon"),
                Arguments.argumentSet("longitude NaN", 0.0, Double.NaN, "lon"),
                Arguments.argumentSet("longitude +Infinity", 0.0, Double.POSITIVE_INFINITY, "lon"),
                Arguments.argumentSet("longitude -Infinity", 0.0, Double.NEGATIVE_INFINITY, "lon"));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void new_outOfRangeOrNotFinite_isBadUserInput(double latitude, double longitude, String inputPath) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> new GeoPoint(latitude, longitude))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(inputPath);
                });
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                Arguments.argumentSet("south-west corner", -90.0, -180.0),
                Arguments.argumentSet("north-east corner", 90.0, 180.0),
                Arguments.argumentSet("null island", 0.0, 0.0));
    }

    @ParameterizedTest
    @MethodSource("edges")
    void new_onTheEdgeOfTheRange_isAccepted(double latitude, double longitude) {
        GeoPoint point = new GeoPoint(latitude, longitude);

        assertThat(point.latitude()).isEqualTo(latitude);
        assertThat(point.longitude()).isEqualTo(longitude);
    }

    @Test
    void distanceKm_newYorkToLondon_isAbout5570Km() {
        assertThat(NEW_YORK.distanceKm(LONDON)).isCloseTo(5570, within(10.0));
    }

    @Test
    void distanceKm_samePoint_isZero() {
        assertThat(LONDON.distanceKm(new GeoPoint(51.5074, -0.1278))).isZero();
    }

    @Test
    void distanceKm_eitherDirection_isTheSame() {
        assertThat(NEW_YORK.distanceKm(LONDON)).isCloseTo(LONDON.distanceKm(NEW_YORK), within(1e-9));
        assertThat(SYDNEY.distanceKm(NEW_YORK)).isCloseTo(NEW_YORK.distanceKm(SYDNEY), within(1e-9));
    }

    @Test
    void distanceKm_antipodes_isHalfTheCircumference() {
        GeoPoint north = new GeoPoint(90, 0);
        GeoPoint south = new GeoPoint(-90, 0);

        assertThat(north.distanceKm(south)).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_KM, within(1e-6));
    }

    @Test
    void distanceKm_acrossTheAntimeridian_takesTheShortWay() {
        GeoPoint west = new GeoPoint(0, 179.5);
        GeoPoint east = new GeoPoint(0, -179.5);

        // one degree of longitude on the equator, not 359
        assertThat(west.distanceKm(east)).isCloseTo(Math.toRadians(1) * GeoPoint.EARTH_RADIUS_KM, within(1e-6));
    }
}
