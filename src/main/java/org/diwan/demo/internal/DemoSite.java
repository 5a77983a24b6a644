package org.diwan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.diwan.article.Article;
import org.diwan.article.ArticleEdit;
import org.diwan.article.Articles;
import org.diwan.article.NewArticle;
import org.diwan.article.Sections;
import org.diwan.comment.CommentDecisions;
import org.diwan.comment.CommentSubmission;
import org.diwan.comment.SubmitComment;
import org.diwan.demo.DemoProperties;
import org.diwan.storage.OneAtATime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds a small demo site (articles in every edition's language, one story in two languages, a
 * photo, an updated article and a few approved comments) when the database has no articles and
 * {@code diwan.demo} is on. Written here for Diwan; see {@code demo/articles.json}.
 *
 * <p>It runs while the application starts, before the web server opens its port (a lower phase than
 * the server's), so the first reader already finds the whole demo site.
 */
@Component
class DemoSite implements SmartLifecycle {

  /** Before the web server, which starts in the phase just below Integer.MAX_VALUE - 2048. */
  static final int PHASE = 0;

  private static final Logger log = LoggerFactory.getLogger(DemoSite.class);
  private static final String ACTOR = "demo";

  private final Articles articles;
  private final Sections sections;
  private final CommentSubmission submission;
  private final CommentDecisions decisions;
  private final JsonMapper json;
  private final Clock clock;
  private final boolean enabled;
  private final OneAtATime oneAtATime;
  private volatile boolean done;

  DemoSite(
      Articles articles,
      Sections sections,
      CommentSubmission submission,
      CommentDecisions decisions,
      JsonMapper json,
      Clock clock,
      DemoProperties properties,
      OneAtATime oneAtATime) {
    this.articles = articles;
    this.sections = sections;
    this.oneAtATime = oneAtATime;
    this.submission = submission;
    this.decisions = decisions;
    this.json = json;
    this.clock = clock;
    this.enabled = properties.demo();
  }

  @Override
  public void start() {
    // Instances of a cluster starting together: one seeds, the others find the site seeded.
    oneAtATime.run("demo-site", this::seedIfEmpty);
    done = true;
  }

  @Override
  public void stop() {}

  @Override
  public boolean isRunning() {
    return done;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void seedIfEmpty() {
    if (!enabled || !articles.isEmpty()) {
      return;
    }
    List<DemoArticle> demo;
    try (InputStream in = new ClassPathResource("demo/articles.json").getInputStream()) {
      demo = List.of(json.readValue(in, DemoArticle[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = new ClassPathResource("demo/sections.json").getInputStream()) {
      Map<String, List<List<String>>> byEdition =
          json.readValue(in, new TypeReference<Map<String, List<List<String>>>>() {});
      byEdition.forEach(
          (language, list) ->
              list.forEach(s -> sections.create(language, s.get(1), s.get(0), ACTOR)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (DemoArticle item : demo) {
      seed(item);
    }
    for (DemoArticle item : demo) {
      if (item.translationOf() != null) {
        articles.linkTranslation(item.slug(), item.translationOf(), ACTOR);
      }
    }
    log.info("Seeded the demo site with {} articles (set DIWAN_DEMO=false to skip)", demo.size());
  }

  private void seed(DemoArticle item) {
    Article article =
        articles.publish(
            new NewArticle(
                item.slug(),
                item.headline(),
                item.source(),
                item.dateline(),
                item.body(),
                item.language(),
                item.tags(),
                List.of(),
                clock.instant().minus(Duration.ofHours(item.hoursAgo())),
                true,
                true,
                item.section()));
    if (item.photo() != null) {
      // As an editor uploads one: checked, its camera metadata removed, stored under a new name.
      articles.addPhoto(
          article.slug(),
          demoFile(item.photo().file()),
          item.photo().caption(),
          item.photo().credit(),
          ACTOR);
    }
    if (item.revision() != null) {
      articles.revise(
          article.slug(),
          new ArticleEdit(
              item.revision().headline(),
              article.source(),
              article.dateline(),
              item.revision().body(),
              item.tags(),
              article.language()),
          ACTOR);
    }
    if (item.comments() != null) {
      for (DemoComment c : item.comments()) {
        long id =
            submission
                .submit(new SubmitComment(article.slug(), c.name(), c.email(), c.text()))
                .id();
        decisions.approve(id);
      }
    }
  }

  private static byte[] demoFile(String file) {
    try (InputStream in = new ClassPathResource("demo/" + file).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo photo " + file, e);
    }
  }

  record DemoArticle(
      String slug,
      String headline,
      String source,
      String dateline,
      String language,
      int hoursAgo,
      String section,
      List<String> tags,
      DemoPhoto photo,
      String body,
      Revision revision,
      List<DemoComment> comments,
      String translationOf) {}

  record DemoPhoto(String file, String caption, String credit) {}

  record Revision(String headline, String body) {}

  record DemoComment(String name, String email, String text) {}
}
