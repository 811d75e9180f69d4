package dev.concierge.api.page;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.customer.Channel;
import dev.concierge.personalization.customer.ConsentPurpose;
import dev.concierge.personalization.customer.CustomerSnapshot;
import dev.concierge.personalization.customer.GeoPoint;
import dev.concierge.personalization.customer.RequestContext;
import dev.concierge.personalization.decision.PageQuery;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.IllformedLocaleException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The GraphQL {@code PageContext}, checked field by field into a {@link PageQuery}. */
record PageContextInput(
        @Nullable Channel channel,
        @Nullable String locale,
        @Nullable String timeZone,
        @Nullable String device,
        @Nullable Location location,
        @Nullable String anonymousId) {

    static final int MAX_DEVICE_LENGTH = 32;
    static final int MAX_ANONYMOUS_ID_LENGTH = 128;
    static final int MAX_LOCALE_LENGTH = 35;

    /** The locale of a signed-out visitor who sends none, as on the page. */
    static final String DEFAULT_LOCALE = "en-US";

    static final PageContextInput NONE = new PageContextInput(null, null, null, null, null, null);

    record Location(double lat, double lon) {}

    PageQuery query(String slug, @Nullable String customerId) {
        return new PageQuery(
                slug,
                customerId,
                checkedAnonymousId(),
                channel == null ? Channel.WEB : channel,
                checkedLocale(),
                checkedZone(),
                checkedDevice(),
                checkedLocation());
    }

    /**
     * The context for a decision outside a page (recommendations), made at {@code now}: the locale
     * defaults to the customer's; the location is used only with their LOCATION consent.
     */
    RequestContext context(@Nullable CustomerSnapshot customer, Instant now) {
        checkedAnonymousId();
        String requested = checkedLocale();
        String chosen = requested != null
                ? requested
                : customer != null ? customer.profile().locale() : DEFAULT_LOCALE;
        GeoPoint position = checkedLocation();
        boolean located = customer != null && customer.consents().granted(ConsentPurpose.LOCATION);
        return new RequestContext(
                channel == null ? Channel.WEB : channel,
                chosen,
                checkedZone(),
                checkedDevice(),
                located ? position : null,
                now);
    }

    private @Nullable String checkedLocale() {
        if (locale == null) {
            return null;
        }
        if (locale.isBlank() || locale.length() > MAX_LOCALE_LENGTH) {
            throw ConciergeException.badInput("context.locale", "must be a BCP 47 tag such as en-US");
        }
        try {
            Locale parsed = new Locale.Builder().setLanguageTag(locale).build();
            return parsed.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ConciergeException.badInput(
                    "context.locale", "'" + locale + "' is not a BCP 47 tag such as en-US: " + e.getMessage());
        }
    }

    private ZoneId checkedZone() {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ConciergeException.badInput(
                    "context.timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/London");
        }
    }

    private @Nullable String checkedDevice() {
        if (device != null && (device.isBlank() || device.length() > MAX_DEVICE_LENGTH)) {
            throw ConciergeException.badInput(
                    "context.device", "must be 1 to " + MAX_DEVICE_LENGTH + " characters, e.g. mobile");
        }
        return device;
    }

    private @Nullable String checkedAnonymousId() {
        if (anonymousId != null && (anonymousId.isBlank() || anonymousId.length() > MAX_ANONYMOUS_ID_LENGTH)) {
            throw ConciergeException.badInput(
                    "context.anonymousId", "must be 1 to " + MAX_ANONYMOUS_ID_LENGTH + " non-blank characters");
        }
        return anonymousId;
    }

    private @Nullable GeoPoint checkedLocation() {
        if (location == null) {
            return null;
        }
        try {
            return new GeoPoint(location.lat(), location.lon());
        } catch (ConciergeException e) {
            String path = String.valueOf(e.inputPath());
            String message = String.valueOf(e.getMessage());
            throw ConciergeException.badInput(
                    "context.location." + path,
                    message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message);
        }
    }
}
