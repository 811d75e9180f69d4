package dev.concierge.api.editor;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Content authoring limits, under {@code concierge.content}.
 *
 * @param maxVersionBytes the most bytes a version's fields and all its variants' fields may take,
 *     serialized as JSON (UTF-8), so that one entry cannot bloat every page payload
 */
@Validated
@ConfigurationProperties("concierge.content")
public record ContentProperties(
        @Min(1_024) @Max(1_048_576) @DefaultValue("65536") int maxVersionBytes) {}
