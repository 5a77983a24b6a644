package org.diwan.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a page's forms would send, the way a browser reads the HTML. */
public final class Html {

  private Html() {}

  /**
   * The value of the hidden field {@code name} in the form that posts to {@code action}: empty when
   * the field has no value attribute.
   *
   * @throws AssertionError when there is no such form or field
   */
  public static String hiddenValue(String html, String action, String name) {
    Matcher form =
        Pattern.compile(
                "<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL)
            .matcher(html);
    if (!form.find()) {
      throw new AssertionError("No form posts to " + action);
    }
    Matcher field =
        Pattern.compile(
                "<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\"( value=\"([^\"]*)\")?")
            .matcher(form.group(1));
    if (!field.find()) {
      throw new AssertionError("The form posting to " + action + " has no hidden " + name);
    }
    return field.group(2) == null ? "" : field.group(2);
  }
}
