package org.diwan.article.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.InvalidArticle;
import org.diwan.article.Section;
import org.diwan.article.Sections;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The editor's console: list, write, update, publish and illustrate articles; edit sections. */
@Controller
class EditorPages {

  private final Articles articles;
  private final Sections sections;

  EditorPages(Articles articles, Sections sections) {
    this.articles = articles;
    this.sections = sections;
  }

  @GetMapping("/editor/sections")
  String sections(Model model) {
    model.addAttribute("sections", sections.all());
    return "editor/sections";
  }

  @PostMapping("/editor/sections")
  String addSection(
      Principal editor,
      @RequestParam(defaultValue = "") String language,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String slug,
      RedirectAttributes flash) {
    return sectionChange(
        flash,
        () -> {
          Section added = sections.create(language, name, slug, editor.getName());
          return "Added " + added.name() + " at " + added.path() + ".";
        });
  }

  @PostMapping("/editor/sections/{id}")
  String renameSection(
      Principal editor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes flash) {
    return sectionChange(
        flash,
        () -> {
          sections.rename(id, name, editor.getName());
          return "Renamed.";
        });
  }

  @PostMapping("/editor/sections/{id}/move")
  String moveSection(
      Principal editor,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String to,
      RedirectAttributes flash) {
    return sectionChange(
        flash,
        () -> {
          sections.move(id, "earlier".equals(to), editor.getName());
          return "Moved.";
        });
  }

  @PostMapping("/editor/sections/{id}/delete")
  String deleteSection(Principal editor, @PathVariable long id, RedirectAttributes flash) {
    return sectionChange(
        flash,
        () -> {
          sections.delete(id, editor.getName());
          return "Removed.";
        });
  }

  private static String sectionChange(RedirectAttributes flash, Supplier<String> change) {
    try {
      flash.addFlashAttribute("notice", change.get());
    } catch (InvalidArticle invalid) {
      flash.addFlashAttribute("problem", String.join(" ", invalid.fieldErrors().values()));
    }
    return "redirect:/editor/sections";
  }

  @GetMapping("/editor")
  String list(Model model) {
    model.addAttribute("articles", articles.forEditors());
    return "editor/list";
  }

  @GetMapping("/editor/new")
  String blank(Model model) {
    return form(model, ArticleForm.blank(), null);
  }

  @PostMapping("/editor")
  ModelAndView create(
      Principal editor,
      @ModelAttribute ArticleForm form,
      @RequestParam(defaultValue = "false") boolean publish,
      Model model,
      RedirectAttributes flash) {
    try {
      Article created = articles.create(form.slug(), form.edit(), publish, editor.getName());
      flash.addFlashAttribute("notice", publish ? "Published." : "Saved as a draft.");
      return new ModelAndView(toArticle(created.slug()));
    } catch (InvalidArticle invalid) {
      return new ModelAndView(
          form(model, form.withErrors(invalid.fieldErrors()), null),
          model.asMap(),
          HttpStatus.BAD_REQUEST);
    }
  }

  @GetMapping("/editor/articles/{slug}")
  String edit(@PathVariable String slug, Model model) {
    Article article = articles.getForEditing(slug);
    return form(model, ArticleForm.of(article), article);
  }

  @PostMapping("/editor/articles/{slug}")
  ModelAndView update(
      Principal editor,
      @PathVariable String slug,
      @ModelAttribute ArticleForm form,
      Model model,
      RedirectAttributes flash) {
    Article article = articles.getForEditing(slug);
    try {
      articles.revise(slug, form.edit(), editor.getName());
      flash.addFlashAttribute(
          "notice", article.published() ? "Saved. Readers now see \"Updated at\"." : "Saved.");
      return new ModelAndView(toArticle(slug));
    } catch (InvalidArticle invalid) {
      ArticleForm kept = form.withErrors(invalid.fieldErrors());
      return new ModelAndView(form(model, kept, article), model.asMap(), HttpStatus.BAD_REQUEST);
    }
  }

  @PostMapping("/editor/articles/{slug}/published")
  String publish(
      Principal editor,
      @PathVariable String slug,
      @RequestParam(required = false) Boolean published,
      RedirectAttributes flash) {
    articles.setPublished(slug, required("published", published), editor.getName());
    flash.addFlashAttribute("notice", published ? "Published." : "Taken off the site.");
    return toArticle(slug);
  }

  @PostMapping("/editor/articles/{slug}/comments")
  String comments(
      Principal editor,
      @PathVariable String slug,
      @RequestParam(required = false) Boolean open,
      RedirectAttributes flash) {
    articles.setCommentsOpen(slug, required("open", open), editor.getName());
    flash.addFlashAttribute("notice", open ? "Comments are open." : "Comments are closed.");
    return toArticle(slug);
  }

  @PostMapping("/editor/articles/{slug}/photos")
  String photo(
      Principal editor,
      @PathVariable String slug,
      @RequestParam(required = false) MultipartFile photo,
      @RequestParam(defaultValue = "") String caption,
      @RequestParam(defaultValue = "") String credit,
      RedirectAttributes flash)
      throws IOException {
    try {
      byte[] bytes = photo == null ? new byte[0] : photo.getBytes();
      articles.addPhoto(slug, bytes, caption, credit, editor.getName());
      flash.addFlashAttribute("notice", "Photo added.");
    } catch (InvalidArticle invalid) {
      flash.addFlashAttribute("problem", String.join(" ", invalid.fieldErrors().values()));
    }
    return toArticle(slug);
  }

  /** Links this article and another (by slug) as one story in two languages. */
  @PostMapping("/editor/articles/{slug}/translations")
  String linkTranslation(
      Principal editor,
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String other,
      RedirectAttributes flash) {
    try {
      articles.linkTranslation(slug, other, editor.getName());
      flash.addFlashAttribute("notice", "Linked as translations of one story.");
    } catch (InvalidArticle invalid) {
      flash.addFlashAttribute("problem", String.join(" ", invalid.fieldErrors().values()));
    }
    return toArticle(slug);
  }

  /** Takes this article out of its story. */
  @PostMapping("/editor/articles/{slug}/translations/unlink")
  String unlinkTranslation(Principal editor, @PathVariable String slug, RedirectAttributes flash) {
    articles.unlinkTranslation(slug, editor.getName());
    flash.addFlashAttribute("notice", "No longer linked to other languages.");
    return toArticle(slug);
  }

  /** The article's page, its slug encoded: a slug in Arabic script is no valid header as it is. */
  private static String toArticle(String slug) {
    return "redirect:/editor/articles/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
  }

  /** A button's true or false; a 400 page when it came without one (never a 500). */
  static boolean required(String name, Boolean value) {
    if (value == null) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "The form sent no value for '" + name + "'. Reload the page and press the button again.");
    }
    return value;
  }

  private String form(Model model, ArticleForm form, Article article) {
    model.addAttribute("form", form);
    model.addAttribute("article", article);
    model.addAttribute(
        "translations", article == null ? List.of() : articles.translationsForEditors(article));
    model.addAttribute("sections", sections.all());
    return "editor/edit";
  }
}
