package dev.concierge.api.cms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CMS webhook's settings, under {@code concierge.cms}.
 *
 * @param webhookSecret the HMAC-SHA256 key shared with the CMS; without one the webhook is off
 *     (404). The embedded default profile sets a development secret; prod must set its own.
 * @param maxBodyBytes the largest accepted delivery; a larger one is 413
 */
@Validated
@ConfigurationProperties("concierge.cms")
public record CmsProperties(
        @Nullable String webhookSecret,
        @Min(1_024) @Max(16_777_216) @DefaultValue("262144") int maxBodyBytes) {}
