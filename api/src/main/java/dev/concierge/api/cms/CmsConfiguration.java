package dev.concierge.api.cms;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Enables the webhook's settings; the controller is picked up by component scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CmsProperties.class)
class CmsConfiguration {}
