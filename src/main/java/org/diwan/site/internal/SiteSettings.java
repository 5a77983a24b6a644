package org.diwan.site.internal;

import org.diwan.site.Formats;
import org.diwan.site.SiteProperties;
import org.diwan.site.Texts;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the site-wide display settings to {@link Formats} and {@link Texts} when the application
 * starts.
 */
@Configuration(proxyBeanMethods = false)
class SiteSettings {

  SiteSettings(SiteProperties properties) {
    Formats.configure(properties.timeZone(), properties.siteName());
    Texts.configureDefault(properties.defaultEdition());
  }
}
