package org.diwan.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.diwan.article.internal.ArticleRepository;
import org.diwan.article.internal.PhotoStore;
import org.diwan.article.internal.ReadCounts;
import org.diwan.article.internal.SearchIndex;
import org.diwan.article.internal.SectionRepository;
import org.diwan.site.Alternate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, publishes and edits articles. Reader-facing reads see published articles only and return
 * empty for a missing one; the {@code get} forms throw {@link ArticleNotFound}. Every change by
 * staff is announced as an {@link ArticleUpdated} event naming who made it. Thread-safe.
 */
@Service
public class Articles {

  /** The most a page of articles may hold, in pages and in the API. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Articles on one page of a front page, section, tag or search results. */
  public static final int PAGE_SIZE = 20;

  /** The longest search query read, in characters. */
  public static final int MAX_QUERY = 200;

  private final ArticleRepository repository;
  private final SectionRepository sections;
  private final SearchIndex index;
  private final ReadCounts reads;
  private final PhotoStore photos;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Articles(
      ArticleRepository repository,
      SectionRepository sections,
      SearchIndex index,
      ReadCounts reads,
      PhotoStore photos,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.sections = sections;
    this.index = index;
    this.reads = reads;
    this.photos = photos;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Page {@code page} (from 1) of an edition's published articles, newest first, {@link #PAGE_SIZE}
   * to a page.
   */
  public Listing newestPage(String language, int page) {
    return listing(page, (limit, offset) -> repository.newest(language, limit, offset));
  }

  /** Page {@code page} (from 1) of a section's published articles, newest first. */
  public Listing inSection(Section section, int page) {
    return listing(page, (limit, offset) -> repository.inSection(section.id(), limit, offset));
  }

  /** The newest {@code n} published articles of a section. */
  public List<Article> latestIn(Section section, int n) {
    return repository.inSection(section.id(), n, 0);
  }

  /** Up to {@code n} published stories in the article's language close to it: shared tags first. */
  public List<Article> related(Article article, int n) {
    return repository.related(article, n);
  }

  /** Counts one read of the article towards its "most read" place. */
  public void read(long articleId) {
    reads.read(articleId);
  }

  /** Writes the reads counted so far now rather than at the next periodic write. */
  public void writeReads() {
    reads.flush();
  }

  /** The edition's {@code n} most read published articles of the last two days. */
  public List<Article> mostRead(String language, int n) {
    List<Long> ids = reads.mostRead(language, 2, n);
    List<Article> found = new ArrayList<>();
    for (long id : ids) {
      repository.findById(id).filter(Article::published).ifPresent(found::add);
    }
    return found;
  }

  /**
   * Page {@code page} (from 1) of the published articles whose headline or body holds every word of
   * {@code query} (at most {@link SearchText#MAX_TERMS} words, the first {@link #MAX_QUERY}
   * characters read), best match first; in {@code language}, or every language when null. A query
   * without a letter or digit finds nothing.
   */
  public Found search(String query, String language, int page) {
    String text = query == null ? "" : query;
    List<String> all =
        SearchText.terms(text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text);
    boolean shortened = text.length() > MAX_QUERY || all.size() > SearchText.MAX_TERMS;
    List<String> terms =
        shortened ? all.subList(0, Math.min(all.size(), SearchText.MAX_TERMS)) : all;
    Listing listing =
        listing(
            page,
            (limit, offset) -> {
              List<Article> found = new ArrayList<>();
              for (long id : index.search(terms, language, limit, offset)) {
                repository.findById(id).ifPresent(found::add);
              }
              return found;
            });
    return new Found(terms, listing, shortened);
  }

  /** What a search found, and the folded words it looked for. */
  public record Found(List<String> terms, Listing listing, boolean shortened) {

    /** {@code text} with the searched words marked, cut to about {@code around} characters. */
    public List<SearchText.Piece> highlight(String text, int around) {
      return SearchText.highlight(text, terms, around);
    }
  }

  /** One page of a list of articles; {@code hasNext}: older ones follow. */
  public record Listing(List<Article> articles, int page, boolean hasNext) {}

  private interface Slice {
    List<Article> read(int limit, int offset);
  }

  private static Listing listing(int page, Slice slice) {
    int p = Math.max(1, page);
    long offset = (long) (p - 1) * PAGE_SIZE;
    if (offset > Integer.MAX_VALUE - PAGE_SIZE) {
      return new Listing(List.of(), p, false);
    }
    List<Article> rows = slice.read(PAGE_SIZE + 1, (int) offset);
    boolean more = rows.size() > PAGE_SIZE;
    return new Listing(more ? rows.subList(0, PAGE_SIZE) : rows, p, more);
  }

  /** Indexes the articles stored before the search index existed, {@code n} at a time. */
  @Transactional
  public int indexMissing(int n) {
    List<Long> ids = index.missing(n);
    for (long id : ids) {
      repository.findById(id).ifPresent(a -> index.put(a.id(), a.headline(), a.body()));
    }
    return ids.size();
  }

  public Optional<Article> find(String slug) {
    return repository.findBySlug(slug, false);
  }

  public Article get(String slug) {
    return find(slug).orElseThrow(() -> new ArticleNotFound(slug));
  }

  /** Any article, drafts included: for staff. */
  public Article getForEditing(String slug) {
    return repository.findBySlug(slug, true).orElseThrow(() -> new ArticleNotFound(slug));
  }

  public Optional<Article> find(long id) {
    return repository.findById(id);
  }

  /** Published articles, newest first; {@code size} is capped at {@link #MAX_PAGE_SIZE}. */
  public List<Article> newest(int page, int size) {
    return newest(null, page, size);
  }

  /** Published articles in {@code language} (null: every language), newest first. */
  public List<Article> newest(String language, int page, int size) {
    int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    return repository.newest(language, limit, Math.max(0, page) * limit);
  }

  /** The published articles that tell the same story as {@code article} in other languages. */
  public List<Article> translations(Article article) {
    return repository.translations(article.id(), false);
  }

  /** The articles linked to {@code article} as translations, drafts included: the editor's view. */
  public List<Article> translationsForEditors(Article article) {
    return repository.translations(article.id(), true);
  }

  /**
   * Links two articles as one story in two languages (and so each with every translation the other
   * has).
   *
   * @throws InvalidArticle if the other article does not exist, is this one, or the story already
   *     has an article in one of their languages
   */
  @Transactional
  public void linkTranslation(String slug, String otherSlug, String actor) {
    Article article = getForEditing(slug);
    Article other =
        repository
            .findBySlug(otherSlug == null ? "" : otherSlug.strip(), true)
            .orElseThrow(
                () -> InvalidArticle.of("translation", "There is no article with that slug."));
    if (other.id() == article.id()) {
      throw InvalidArticle.of("translation", "An article cannot be its own translation.");
    }
    String story = repository.story(other.id()).orElse(other.slug());
    List<String> languages = new ArrayList<>(repository.storyLanguages(story));
    if (languages.isEmpty()) {
      languages.add(other.language());
    }
    String current = repository.story(article.id()).orElse(null);
    if (!story.equals(current) && languages.contains(article.language())) {
      throw InvalidArticle.of(
          "translation", "That story already has an article in this article's language.");
    }
    repository.setStory(List.of(article.id(), other.id()), story);
    events.publishEvent(new ArticleUpdated(article.id(), slug, actor, "translation-linked"));
    events.publishEvent(new ArticleUpdated(other.id(), other.slug(), actor, "translation-linked"));
  }

  /**
   * For each published article with a published translation, the path of every language's version
   * of its story (itself included), keyed by its slug: the sitemap's alternates in one query.
   */
  public Map<String, List<Alternate>> storyAlternates() {
    Map<String, List<Alternate>> byStory = new LinkedHashMap<>();
    Map<String, String> storyOf = new LinkedHashMap<>();
    for (String[] row : repository.publishedStories()) {
      byStory
          .computeIfAbsent(row[0], k -> new ArrayList<>())
          .add(new Alternate(row[1], "/articles/" + row[2]));
      storyOf.put(row[2], row[0]);
    }
    Map<String, List<Alternate>> bySlug = new LinkedHashMap<>();
    storyOf.forEach(
        (slug, story) -> {
          if (byStory.get(story).size() > 1) {
            bySlug.put(slug, List.copyOf(byStory.get(story)));
          }
        });
    return bySlug;
  }

  /** Takes an article out of its story; its former translations keep each other. */
  @Transactional
  public void unlinkTranslation(String slug, String actor) {
    Article article = getForEditing(slug);
    Map<Long, String> before = repository.storyMates(article.id());
    repository.setStory(List.of(article.id()), null);
    events.publishEvent(new ArticleUpdated(article.id(), slug, actor, "translation-unlinked"));
    before.forEach(
        (id, mate) ->
            events.publishEvent(new ArticleUpdated(id, mate, actor, "translation-unlinked")));
  }

  /** Every article, drafts included, most recently created first. */
  public List<Article> forEditors() {
    return repository.all(500);
  }

  public Optional<TagPage> tagged(String tagSlug) {
    return tagged(tagSlug, null, 1);
  }

  /**
   * Page {@code page} (from 1) of a tag in one language's edition ({@code language} null: across
   * editions).
   */
  public Optional<TagPage> tagged(String tagSlug, String language, int page) {
    return repository
        .tagName(tagSlug, language)
        .map(
            name ->
                new TagPage(
                    new Tag(tagSlug, name),
                    listing(
                        page,
                        (limit, offset) ->
                            repository.taggedNewest(tagSlug, language, limit, offset))));
  }

  public Optional<Photo> photo(String fileName) {
    return repository.photo(fileName);
  }

  public boolean isEmpty() {
    return repository.count() == 0;
  }

  /**
   * Publishes (or drafts) an article as given, checking nothing: for seeding and tests. Announced
   * like every change, as created by {@code system}.
   */
  @Transactional
  public Article publish(NewArticle article) {
    Article stored = insert(article);
    events.publishEvent(new ArticleUpdated(stored.id(), stored.slug(), "system", "created"));
    return stored;
  }

  /**
   * The external article (a story of a site that embeds Diwan's comments) for the host page {@code
   * url}, or for {@code key} when the page named an id; empty when it has none yet.
   */
  public Optional<Article> findExternal(String url, String key) {
    return repository.findExternal(url, key).flatMap(repository::findById);
  }

  /**
   * Creates the external article for a host page: never published on Diwan's own pages (it stays
   * unpublished), open for comments through the embed. A second creation for the same URL or key
   * fails on the database's unique index.
   */
  @Transactional
  public Article createExternal(String url, String key, String headline, String language) {
    Article stored =
        insert(
            new NewArticle(
                null, headline, "", "", "", language, List.of(), List.of(), null, true, false));
    repository.markExternal(stored.id(), url, key);
    events.publishEvent(
        new ArticleUpdated(stored.id(), stored.slug(), "embed", "external-created"));
    return stored;
  }

  /** A published article, or an external one: what readers may comment under. */
  public Optional<Article> findCommentable(String slug) {
    return repository.findCommentable(slug);
  }

  /** The host page an external article stands for; empty for Diwan's own articles. */
  public Optional<String> externalUrl(long articleId) {
    return repository.externalUrl(articleId);
  }

  private Article insert(NewArticle article) {
    Instant at = article.publishedAt() != null ? article.publishedAt() : clock.instant();
    long id = repository.insert(article, uniqueSlug(article.slug(), article.headline()), at);
    if (article.section() != null && !article.section().isEmpty()) {
      sections.file(id, sectionId(article.language(), article.section()));
    }
    index.put(id, article.headline(), article.body());
    return repository.findById(id).orElseThrow();
  }

  /**
   * Creates an article from an editor's edit.
   *
   * @throws InvalidArticle naming each field that breaks the rules
   */
  @Transactional
  public Article create(String slug, ArticleEdit edit, boolean publish, String actor) {
    ArticleEdit checked = edit.checked();
    if (slug != null && !slug.isBlank() && Tag.Slugs.of(slug).isEmpty()) {
      throw InvalidArticle.of("slug", "A slug needs letters or digits, e.g. budget-vote-2026.");
    }
    if (checked.section() != null && !checked.section().isEmpty()) {
      sectionId(checked.language(), checked.section());
    }
    Article article =
        insert(
            new NewArticle(
                slug,
                checked.headline(),
                checked.source(),
                checked.dateline(),
                checked.body(),
                checked.language(),
                checked.tags(),
                List.of(),
                null,
                true,
                publish,
                checked.section()));
    events.publishEvent(new ArticleUpdated(article.id(), article.slug(), actor, "created"));
    return article;
  }

  /**
   * Replaces an article's text; once it has been published the change is stamped "Updated at".
   *
   * @throws InvalidArticle naming each field that breaks the rules
   */
  @Transactional
  public Article revise(String slug, ArticleEdit edit, String actor) {
    Article article = getForEditing(slug);
    ArticleEdit checked = edit.checked();
    Long section = null;
    boolean refile = checked.section() != null;
    if (refile && !checked.section().isEmpty()) {
      section = sectionId(checked.language(), checked.section());
    } else if (!refile
        && article.section() != null
        && !article.section().language().equals(checked.language())) {
      // A section belongs to one edition: an article moved to another leaves it.
      refile = true;
    }
    repository.revise(article.id(), checked, article.published() ? clock.instant() : null);
    if (refile) {
      sections.file(article.id(), section);
    }
    index.put(article.id(), checked.headline(), checked.body());
    events.publishEvent(new ArticleUpdated(article.id(), slug, actor, "revised"));
    return repository.findById(article.id()).orElseThrow();
  }

  /** Publishes a draft (its publication time is now) or takes an article off the site. */
  @Transactional
  public void setPublished(String slug, boolean published, String actor) {
    Article article = getForEditing(slug);
    if (article.published() == published) {
      return;
    }
    Instant at = published && article.updatedAt() == null ? clock.instant() : article.publishedAt();
    repository.setPublished(article.id(), published, at);
    events.publishEvent(
        new ArticleUpdated(article.id(), slug, actor, published ? "published" : "unpublished"));
    // Its translations' pages link to it only while it is published.
    repository
        .storyMates(article.id())
        .forEach(
            (id, mate) ->
                events.publishEvent(new ArticleUpdated(id, mate, actor, "translation-changed")));
  }

  @Transactional
  public void setCommentsOpen(String slug, boolean open, String actor) {
    Article article = getForEditing(slug);
    repository.setCommentsOpen(article.id(), open);
    events.publishEvent(
        new ArticleUpdated(
            article.id(), slug, actor, open ? "comments-opened" : "comments-closed"));
  }

  /**
   * Stores an uploaded photo and adds it to the article.
   *
   * @throws InvalidArticle if the upload is no JPEG, PNG or WebP image of at most 10 MB
   */
  @Transactional
  public Photo addPhoto(String slug, byte[] bytes, String caption, String credit, String actor) {
    Article article = getForEditing(slug);
    Photo photo = photos.store(slug, bytes, caption, credit);
    repository.addPhoto(article.id(), photo);
    events.publishEvent(new ArticleUpdated(article.id(), slug, actor, "photo-added"));
    return photo;
  }

  private long sectionId(String language, String sectionSlug) {
    return sections
        .find(language, sectionSlug)
        .map(Section::id)
        .orElseThrow(
            () ->
                InvalidArticle.of(
                    "section", "Choose one of the sections of the article's edition, or none."));
  }

  private String uniqueSlug(String wanted, String headline) {
    String base =
        wanted == null || wanted.isBlank() ? Tag.Slugs.of(headline) : Tag.Slugs.of(wanted);
    base = base.isEmpty() ? "article" : base;
    String slug = base;
    for (int n = 2; repository.slugTaken(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  /** A tag and a page of the articles filed under it, newest first. */
  public record TagPage(Tag tag, Listing listing) {
    public List<Article> articles() {
      return listing.articles();
    }

    public String title() {
      return tag.name().substring(0, 1).toUpperCase(Locale.ROOT) + tag.name().substring(1);
    }
  }
}
