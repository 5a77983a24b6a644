package org.diwan.site;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/** Hands the site-wide display settings to {@link Formats} when the application starts. */
@Configuration(proxyBeanMethods = false)
class SiteSettings {

  SiteSettings(DiwanProperties properties, @Value("${diwan.time-zone:UTC}") String timeZone) {
    Formats.configure(ZoneId.of(timeZone), properties.siteName());
  }
}
