package org.diwan.comment.web;

import java.util.List;
import org.diwan.comment.CommentProperties;
import org.diwan.comment.CommentTargets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fast paths: the three requests a busy story sends by the thousand, answered by the
 * controllers' own code without Spring MVC's dispatch (handler lookup, argument binding, content
 * negotiation, message converters), which cost a quarter to a third of their CPU (BENCHMARKS.md).
 * Each takes only requests its controller would read the same way and passes every other one on
 * untouched; {@code diwan.fast-paths=false} leaves them all to the controllers, answered alike.
 *
 * <p>Order is data: {@link #ORDER} lists them in the order they run, each one registered right
 * after Spring Security's filter chain (so the request passed the same rules and the answer carries
 * the same headers) at its place in the list.
 */
@Configuration(proxyBeanMethods = false)
class FastPaths {

  static final List<Class<? extends FastPath>> ORDER =
      List.of(
          // GET /api/articles/{slug}/comments: the kept JSON of PublishedCommentsJson
          PublishedCommentsShortcut.class,
          // POST /api/articles/{slug}/comments: CommentApi.post, problems by MVC's own resolvers
          CommentPostShortcut.class,
          // POST /articles/{slug}/comments: the 303 of a stored comment; the rest to CommentForms
          CommentFormShortcut.class);

  /** Just after Spring Security's filter chain. */
  static final int AFTER_SECURITY = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

  @Bean
  FilterRegistrationBean<PublishedCommentsShortcut> publishedCommentsShortcut(
      CommentTargets targets, PublishedCommentsJson json, CommentProperties properties) {
    return registered(new PublishedCommentsShortcut(targets, json), properties);
  }

  @Bean
  FilterRegistrationBean<CommentPostShortcut> commentPostShortcut(
      CommentApi api,
      JsonMapper json,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
      CommentProperties properties)
      throws NoSuchMethodException {
    return registered(new CommentPostShortcut(api, json, resolver), properties);
  }

  @Bean
  FilterRegistrationBean<CommentFormShortcut> commentFormShortcut(
      CommentFormPosts posts, LocaleResolver locales, CommentProperties properties) {
    return registered(new CommentFormShortcut(posts, locales), properties);
  }

  private static <F extends FastPath> FilterRegistrationBean<F> registered(
      F path, CommentProperties properties) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(path);
    registration.setName(path.getClass().getSimpleName());
    registration.setOrder(AFTER_SECURITY + ORDER.indexOf(path.getClass()));
    registration.setEnabled(properties.fastPaths());
    return registration;
  }
}
