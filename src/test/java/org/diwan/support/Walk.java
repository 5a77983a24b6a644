package org.diwan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * One member of staff walking the site in a real browser: every page reachable by links from a
 * start page, and on each page every form, every submit button, once with each value it can send
 * (each checkbox of a group, each option of a list, a lone checkbox on and off). A form counts as
 * the same on every page where it posts to the same kind of address with the same fixed values, so
 * "Approve" is pressed once, not on every card.
 *
 * <p>It fails on any 5xx, any 403, a link that leads to an error, and any page that shows a stack
 * trace. It never logs itself out before the end, nor touches the table rows of the staff accounts
 * it is told to spare (its own password reset would lock it out; later walkers must still log in).
 */
public final class Walk {

  private static final int MAX_PAGES = 300;
  private static final Pattern PER_COMMENT =
      Pattern.compile(
          "/articles/[^/]+/comments/\\d+/report|/moderation/suspensions\\?comment=\\d+");
  private static final Pattern STACK_TRACE =
      Pattern.compile("\\bat (org|java|jdk|sun|jakarta)\\.[\\w.$]+\\(|Whitelabel|Exception:");

  private static final String DESCRIBE =
      """
      const spare = arguments[0];
      return Array.from(document.forms).map((f, index) => {
        const method = (f.getAttribute('method') || 'get').toLowerCase();
        const target = new URL(f.getAttribute('action') || location.href, location.href);
        const fixed = Array.from(f.querySelectorAll('input[type=hidden]'))
          .filter(h => h.name !== '_csrf' && h.name !== 'back')
          .map(h => h.name + '=' + h.value).sort().join('&');
        const buttons = Array.from(f.querySelectorAll(
            'button[type=submit], button:not([type]), input[type=submit]'))
          .map(b => (b.name ? b.name + '=' + b.value + ' ' : '')
            + (b.textContent || b.value).trim().replace(/\\s+/g, ' '));
        const groups = {};
        f.querySelectorAll('input[type=checkbox]').forEach(
            c => (groups[c.name] = groups[c.name] || []).push(c.value));
        const choices = Object.entries(groups).map(
            ([name, values]) => [name, values.length === 1 ? ['on', 'off'] : values]);
        f.querySelectorAll('select').forEach(
            s => choices.push([s.name, Array.from(s.options).map(o => o.value)]));
        const row = f.closest('tr');
        // A staff table's row starts with the member's email.
        const spared = !!row && row.cells.length > 0
          && spare.includes(row.cells[0].textContent.trim());
        return {index, method, path: target.pathname, fixed, buttons, choices, spared,
                files: f.querySelectorAll('input[type=file]').length};
      });
      """;

  private static final String FILL =
      """
      const [index, chosen, n, email, password, newPassword] = arguments;
      const f = document.forms[index];
      f.querySelectorAll('input[type=checkbox]').forEach(c => {
        if (c.name in chosen) {
          const v = chosen[c.name];
          c.checked = v === 'on' || v === c.value;
        }
      });
      f.querySelectorAll('select').forEach(s => { if (s.name in chosen) s.value = chosen[s.name]; });
      // A group of radio buttons with none chosen: its first choice, as a person picks one.
      f.querySelectorAll('input[type=radio]').forEach(r => {
        if (!f.querySelector('input[type=radio][name="' + r.name + '"]:checked')) r.checked = true;
      });
      const words = {headline: 'Walk headline ' + n, source: 'Walk desk', body: 'Walk body ' + n + '.',
        tags: 'walk', caption: 'Walk caption ' + n, credit: 'Walk', note: 'Walk note ' + n,
        text: 'A comment from the walk, number ' + n + '.', name: 'Walker ' + n,
        url: 'https://hooks.example.org/walk-' + n, origin: 'https://walk-' + n + '.example.org'};
      f.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=file])'
          + ':not([type=radio]):not([type=submit]), textarea').forEach(el => {
        if (el.value !== '') return;
        if (el.type === 'password') {
          el.value = el.name === 'current' || el.name === 'password' ? password : newPassword;
        } else if (el.name === 'username') {
          el.value = email;
        } else if (el.required && (el.type === 'email' || el.name === 'email')) {
          el.value = 'walk-' + n + '-' + Date.now() + '@example.org';
        } else if (el.required || el.name === 'note' || el.name === 'text') {
          el.value = words[el.name] || 'walk ' + n;
        }
      });
      """;

  private static final String RESULT =
      """
      const [since, path] = arguments;
      if (window.__walking === undefined) {
        if (document.readyState !== 'complete') return null;
        const nav = performance.getEntriesByType('navigation')[0];
        return ['page', nav ? nav.responseStatus : 0, location.href];
      }
      const sent = performance.getEntriesByType('resource').filter(
          e => e.initiatorType === 'fetch' && e.startTime >= since && e.name.includes(path));
      const last = sent[sent.length - 1];
      return last && last.responseEnd > 0 ? ['fetch', last.responseStatus, location.href] : null;
      """;

  private final WebDriver browser;
  private final String base;
  private final String email;
  private final List<String> spare;
  private final Path photo;
  private String password;
  private int filled;
  private final java.util.Set<String> perCommentKinds = new java.util.HashSet<>();

  private final Set<String> visited = new LinkedHashSet<>();
  private final Set<String> pressed = new LinkedHashSet<>();
  private final Deque<String> queue = new ArrayDeque<>();

  /**
   * @param spare emails whose table rows are left alone (the walker's own among them)
   * @param photo an image to upload wherever a form asks for a file
   */
  public Walk(
      WebDriver browser,
      String base,
      String email,
      String password,
      List<String> spare,
      Path photo) {
    this.browser = browser;
    this.base = base;
    this.email = email;
    this.password = password;
    this.spare = List.copyOf(spare);
    this.photo = photo;
  }

  /** Logs in with the login form, as a person does. */
  public Walk logIn() {
    browser.get(base + "/login");
    Form login =
        formsOn().stream().filter(f -> f.path().equals("/login")).findFirst().orElseThrow();
    String landed = submit(login, 0, Map.of());
    assertThat(landed).as("after logging in as " + email).contains("/staff");
    pressed.add(login.key() + " " + login.buttons().get(0) + " {}");
    return this;
  }

  /** Walks from {@code start} until every reachable page and every form on it are done. */
  public Walk from(String start) {
    queue.add(base + start);
    while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
      String url = queue.poll();
      if (!visited.add(url)) {
        continue;
      }
      browser.get(url);
      check(awaitResult(0, ""), "link to " + url);
      // From a reader's page a console links to, only its stories are walked on (to post a
      // comment as the role): its menus lead to every section and topic of six editions, which
      // the reader tests cover.
      boolean staffPage = isStaffPage(url);
      for (String link : links()) {
        boolean follow = staffPage || link.startsWith(base + "/articles/");
        if (follow && !visited.contains(link) && !queue.contains(link) && newKind(link)) {
          queue.add(link);
        }
      }
      pressEveryButton(url);
      pressEveryForm(url, true);
    }
    assertThat(queue).as("pages left when the walk stopped at " + MAX_PAGES).isEmpty();
    return this;
  }

  /** Presses Log out, last, and checks where it leads. */
  public void logOut() {
    browser.get(base + "/staff");
    submit(
        formsOn().stream().filter(f -> f.path().equals("/logout")).findFirst().orElseThrow(),
        0,
        Map.of());
    assertThat(browser.getCurrentUrl()).contains("/login?out");
    pressed.add("post /logout");
  }

  /** The pages visited, in order. */
  public Set<String> pages() {
    return visited;
  }

  /** What was pressed: method, address pattern, fixed values, button and the values chosen. */
  public Set<String> presses() {
    return pressed;
  }

  private record Form(
      int index,
      String method,
      String path,
      String fixed,
      List<String> buttons,
      Map<String, List<String>> choices,
      boolean spared,
      int files) {

    /** The same form wherever it appears: the slug or id in its address does not count. */
    String key() {
      return method
          + " "
          + path.replaceAll("/articles/[^/]+", "/articles/*").replaceAll("/\\d+(?=/|$)", "/*")
          + (fixed.isEmpty() ? "" : " [" + fixed + "]");
    }

    int variants() {
      return choices.values().stream().mapToInt(List::size).max().orElse(1);
    }

    Map<String, String> variant(int k) {
      Map<String, String> chosen = new LinkedHashMap<>();
      choices.forEach((name, values) -> chosen.put(name, values.get(k % values.size())));
      return chosen;
    }
  }

  @SuppressWarnings("unchecked")
  private List<Form> formsOn() {
    List<Map<String, Object>> raw = (List<Map<String, Object>>) js().executeScript(DESCRIBE, spare);
    List<Form> forms = new ArrayList<>();
    for (Map<String, Object> f : raw) {
      Map<String, List<String>> choices = new LinkedHashMap<>();
      for (Object pair : (List<Object>) f.get("choices")) {
        List<Object> p = (List<Object>) pair;
        choices.put((String) p.get(0), (List<String>) p.get(1));
      }
      forms.add(
          new Form(
              ((Number) f.get("index")).intValue(),
              (String) f.get("method"),
              (String) f.get("path"),
              (String) f.get("fixed"),
              (List<String>) f.get("buttons"),
              choices,
              (Boolean) f.get("spared"),
              ((Number) f.get("files")).intValue()));
    }
    return forms;
  }

  /**
   * Presses, one at a time from a fresh copy of the page, what has not been pressed yet; {@code
   * loaded}: the page is open as it came, so the first look needs no reload.
   */
  private void pressEveryForm(String url, boolean loaded) {
    for (boolean fresh = loaded; ; fresh = false) {
      if (!fresh) {
        browser.get(url);
        check(awaitResult(0, ""), "page " + url);
      }
      String next = null;
      Form form = null;
      int button = 0;
      int variant = 0;
      search:
      for (Form f : formsOn()) {
        if (f.method().equals("dialog") || f.path().equals("/logout") || f.spared()) {
          continue;
        }
        for (int b = 0; b < f.buttons().size(); b++) {
          for (int k = 0; k < f.variants(); k++) {
            String signature = f.key() + " " + f.buttons().get(b) + " " + f.variant(k);
            if (!pressed.contains(signature)) {
              next = signature;
              form = f;
              button = b;
              variant = k;
              break search;
            }
          }
        }
      }
      if (next == null) {
        return;
      }
      pressed.add(next);
      String landed = submit(form, button, form.variant(variant));
      if (next.startsWith("post /account/password")) {
        password = password + " renewed";
      }
      if (landed != null && !visited.contains(landed)) {
        queue.add(landed);
      }
    }
  }

  /** Buttons outside forms (A+ and A-) work in the page alone: each is pressed once. */
  @SuppressWarnings("unchecked")
  private void pressEveryButton(String url) {
    List<WebElement> buttons =
        (List<WebElement>)
            js().executeScript(
                    "return Array.from(document.querySelectorAll('button[type=button]'))"
                        + ".filter(b => !b.form && b.offsetParent !== null);");
    for (WebElement button : buttons) {
      String signature = "button " + button.getText().strip();
      if (pressed.add(signature)) {
        button.click();
        check(awaitResult(0, ""), signature + " on " + url);
      }
    }
  }

  /** Fills and sends one form with one button; returns the page it led to, if it is a new one. */
  private String submit(Form form, int button, Map<String, String> chosen) {
    js().executeScript(
            FILL, form.index(), chosen, ++filled, email, password, password + " renewed");
    WebElement element =
        (WebElement)
            js().executeScript(
                    "return Array.from(document.forms[arguments[0]].querySelectorAll('button[type=submit],"
                        + " button:not([type]), input[type=submit]'))[arguments[1]];",
                    form.index(),
                    button);
    if (form.files() > 0) {
      ((WebElement)
              js().executeScript(
                      "return document.forms[arguments[0]].querySelector('input[type=file]');",
                      form.index()))
          .sendKeys(photo.toAbsolutePath().toString());
    }
    double since =
        ((Number) js().executeScript("window.__walking = 1; return performance.now();"))
            .doubleValue();
    String what = form.key() + " " + form.buttons().get(button) + " " + chosen;
    if (element.isDisplayed()) {
      element.click();
    } else {
      js().executeScript("arguments[0].form.requestSubmit(arguments[0]);", element);
    }
    List<Object> result = awaitResult(since, form.path());
    check(result, what);
    String at = strip((String) result.get(2));
    // A page answered to a post at its own address is no page a link could open again.
    boolean redirected =
        !URI.create(at).getPath().equals(form.path()) || form.method().equals("get");
    return "page".equals(result.get(0)) && at.startsWith(base) && redirected ? at : null;
  }

  @SuppressWarnings("unchecked")
  private List<Object> awaitResult(double since, String path) {
    Instant until = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(until)) {
      Object result;
      try {
        result = js().executeScript(RESULT, since, path);
      } catch (RuntimeException navigating) {
        result = null; // the old page went away under the script
      }
      if (result != null) {
        return (List<Object>) result;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(
        "Nothing came of it within 15 s (a form the browser would not send?): "
            + path
            + " on "
            + browser.getCurrentUrl());
  }

  private void check(List<Object> result, String what) {
    int status = ((Number) result.get(1)).intValue();
    String source = browser.getPageSource();
    assertThat(status).as(email + ": " + what + " answered " + status).isBetween(200, 499);
    assertThat(status).as(email + ": " + what + " answered 403").isNotEqualTo(403);
    if (what.startsWith("link") || what.startsWith("page")) {
      assertThat(status).as(email + ": " + what).isLessThan(400);
    }
    assertThat(STACK_TRACE.matcher(source).find())
        .as(email + ": " + what + " shows a stack trace")
        .isFalse();
  }

  /**
   * False for a second page of a kind there is one of per comment (its report page, its commenter's
   * suspensions): one of each shows every form, and all of them would fill the walk.
   */
  private boolean newKind(String link) {
    String path = link.substring(base.length());
    if (!PER_COMMENT.matcher(path).matches()) {
      return true;
    }
    return perCommentKinds.add(
        path.replaceAll("/articles/[^/]+", "/articles/*").replaceAll("\\d+", "*"));
  }

  @SuppressWarnings("unchecked")
  private boolean isStaffPage(String url) {
    String path = url.substring(base.length());
    return path.matches("/(moderation|editor|admin|staff|account|login)([/?].*)?");
  }

  private List<String> links() {
    List<String> found =
        (List<String>)
            js().executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
    List<String> same = new ArrayList<>();
    for (String link : found) {
      String plain = strip(link);
      if (plain.startsWith(base + "/") || plain.equals(base)) {
        same.add(plain);
      }
    }
    return same;
  }

  private static String strip(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  /** The path of an address, for reports. */
  public static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
