package org.diwan.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.diwan.article.internal.SectionRepository;
import org.diwan.site.Menu;
import org.diwan.storage.ChangeFeed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sections of each edition, which editors define and file articles under, and the menu built
 * from them. The menu is read once and kept until any section or article changes on any instance
 * (by the {@link ChangeFeed}'s site-wide generation). Thread-safe.
 */
@Service
public class Sections implements Menu {

  static final int MAX_NAME = 40;

  private record Kept(long generation, Map<String, List<Section>> byLanguage) {}

  private final SectionRepository repository;
  private final ApplicationEventPublisher events;
  private final ChangeFeed changes;
  private volatile Kept kept;

  Sections(SectionRepository repository, ApplicationEventPublisher events, ChangeFeed changes) {
    this.repository = repository;
    this.events = events;
    this.changes = changes;
  }

  /** An edition's sections in menu order. */
  public List<Section> of(String language) {
    return all().getOrDefault(language, List.of());
  }

  public Optional<Section> find(String language, String slug) {
    return of(language).stream().filter(s -> s.slug().equals(slug)).findFirst();
  }

  @Override
  public List<Item> items(String lang) {
    return of(lang).stream().map(s -> new Item(s.path(), s.name(), s.slug())).toList();
  }

  /** Every edition's sections, for the editors' console. */
  public Map<String, List<Section>> all() {
    Kept current = kept;
    if (current != null && changes.synced() && current.generation() == changes.everything()) {
      return current.byLanguage();
    }
    long generation = changes.everything();
    Map<String, List<Section>> read =
        repository.all().stream()
            .collect(Collectors.groupingBy(Section::language, Collectors.toUnmodifiableList()));
    kept = new Kept(generation, Map.copyOf(read));
    return kept.byLanguage();
  }

  /**
   * Adds a section at the end of an edition's menu.
   *
   * @throws InvalidArticle if the edition is not Diwan's, the name is empty or too long, or the
   *     edition already has a section with that address
   */
  @Transactional
  public Section create(String language, String name, String slug, String actor) {
    String lang = language == null ? "" : language.strip();
    if (Language.of(lang).isEmpty()) {
      throw InvalidArticle.of("language", "Choose one of Diwan's editions.");
    }
    String clean = checkedName(name);
    String wanted = Tag.Slugs.of(slug == null || slug.isBlank() ? clean : slug);
    if (wanted.isEmpty()) {
      throw InvalidArticle.of("slug", "A section's address needs letters or digits, e.g. economy.");
    }
    if (repository.find(lang, wanted).isPresent()) {
      throw InvalidArticle.of(
          "slug", "This edition already has a section at /" + lang + "/sections/" + wanted + ".");
    }
    long id = repository.insert(lang, wanted, clean);
    events.publishEvent(new SectionChanged(lang, wanted, actor, "created"));
    return repository.find(id).orElseThrow();
  }

  /** Renames a section; its address stays, so links to it keep working. */
  @Transactional
  public void rename(long id, String name, String actor) {
    Section section = get(id);
    repository.rename(id, checkedName(name));
    events.publishEvent(new SectionChanged(section.language(), section.slug(), actor, "renamed"));
  }

  /** Moves a section one place earlier ({@code earlier}) or later in its edition's menu. */
  @Transactional
  public void move(long id, boolean earlier, String actor) {
    Section section = get(id);
    List<Section> order =
        new ArrayList<>(
            repository.all().stream()
                .filter(s -> s.language().equals(section.language()))
                .toList());
    int at = order.indexOf(section);
    int to = earlier ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= order.size()) {
      return;
    }
    order.add(to, order.remove(at));
    for (int i = 0; i < order.size(); i++) {
      repository.setPosition(order.get(i).id(), i);
    }
    events.publishEvent(new SectionChanged(section.language(), section.slug(), actor, "moved"));
  }

  /**
   * Removes an empty section.
   *
   * @throws InvalidArticle if articles are still filed under it
   */
  @Transactional
  public void delete(long id, String actor) {
    Section section = get(id);
    long filed = repository.articleCount(id);
    if (filed > 0) {
      throw InvalidArticle.of(
          "section",
          filed
              + (filed == 1 ? " article is" : " articles are")
              + " filed under "
              + section.name()
              + ": file them under another section first.");
    }
    repository.delete(id);
    events.publishEvent(new SectionChanged(section.language(), section.slug(), actor, "removed"));
  }

  private Section get(long id) {
    return repository
        .find(id)
        .orElseThrow(() -> InvalidArticle.of("section", "There is no such section."));
  }

  private static String checkedName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw InvalidArticle.of("name", "Give the section a name, e.g. Economy.");
    }
    if (clean.length() > MAX_NAME) {
      throw InvalidArticle.of(
          "name", "A section's name can be at most " + MAX_NAME + " characters.");
    }
    return clean;
  }
}
