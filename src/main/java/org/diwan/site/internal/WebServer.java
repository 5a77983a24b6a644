package org.diwan.site.internal;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat settings that Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
class WebServer {

  /** Bytes each open connection keeps for writing its answers. */
  static final int WRITE_BUFFER = 64 * 1024;

  @Bean
  TomcatConnectorCustomizer socketBuffers() {
    // Tomcat copies an answer into the socket through this buffer, 8 KB by default: the 120 KB
    // of a 500-comment answer took fifteen writes and served 5,500-6,300 a second; in two, about
    // 9,500. Every open connection holds one, which is why server.tomcat.max-connections is
    // lowered in application.properties (4,096 × 72 KB with the read buffer: under 300 MB).
    return connector ->
        connector.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER));
  }
}
