package org.diwan.comment;

import org.diwan.screening.Screener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one screening engine of the application, loaded once at start-up (well under a second). */
@Configuration(proxyBeanMethods = false)
class ScreeningEngine {

  @Bean
  Screener screener() {
    return Screener.loadDefault();
  }
}
