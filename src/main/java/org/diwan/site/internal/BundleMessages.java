package org.diwan.site.internal;

import java.util.Locale;
import org.diwan.site.Texts;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Spring's {@code messageSource}: the edition bundles through {@link Texts}, so beans and templates
 * format the same ICU patterns (plurals, each language's digits) from one place.
 */
@Component("messageSource")
class BundleMessages implements MessageSource {

  @Override
  public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
    Texts texts = Texts.of(locale == null ? null : locale.getLanguage());
    return texts.has(code) || Texts.of("en").has(code)
        ? texts.get(code, args == null ? new Object[0] : args)
        : defaultMessage;
  }

  @Override
  public String getMessage(String code, Object[] args, Locale locale) {
    String message = getMessage(code, args, null, locale);
    if (message == null) {
      throw new NoSuchMessageException(code, locale);
    }
    return message;
  }

  @Override
  public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
    String[] codes = resolvable.getCodes();
    if (codes != null) {
      for (String code : codes) {
        String message = getMessage(code, resolvable.getArguments(), null, locale);
        if (message != null) {
          return message;
        }
      }
    }
    if (resolvable.getDefaultMessage() != null) {
      return resolvable.getDefaultMessage();
    }
    throw new NoSuchMessageException(codes == null ? "" : codes[codes.length - 1], locale);
  }
}
