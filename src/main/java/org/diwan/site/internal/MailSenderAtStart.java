package org.diwan.site.internal;

import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail sender, made from {@code spring.mail.*} as the site starts. Spring Boot's own is made
 * only when a host is configured, and the jar is built ahead of time (Spring AOT), which settles
 * that condition at build time: a jar built without SMTP settings could then never send, whatever
 * {@code DIWAN_SMTP_HOST} said at start. This one always exists; {@code site.MailOffer} says
 * whether it has a host to send through.
 */
@Configuration(proxyBeanMethods = false)
class MailSenderAtStart {

  @Bean
  JavaMailSenderImpl mailSender(Environment environment) {
    MailProperties settings =
        Binder.get(environment)
            .bind("spring.mail", MailProperties.class)
            .orElseGet(MailProperties::new);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(settings.getHost());
    if (settings.getPort() != null) {
      sender.setPort(settings.getPort());
    }
    sender.setUsername(settings.getUsername());
    sender.setPassword(settings.getPassword());
    sender.setProtocol(settings.getProtocol());
    if (settings.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(settings.getDefaultEncoding().name());
    }
    Properties javaMail = new Properties();
    javaMail.putAll(settings.getProperties());
    sender.setJavaMailProperties(javaMail);
    return sender;
  }
}
