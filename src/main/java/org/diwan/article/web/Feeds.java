package org.diwan.article.web;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.diwan.article.Article;
import org.diwan.article.Articles;
import org.diwan.article.Section;
import org.diwan.article.Sections;
import org.diwan.site.Alternate;
import org.diwan.site.Formats;
import org.diwan.site.SiteAddress;
import org.diwan.site.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Atom feed of the newest articles and the sitemap, written with a streaming XML writer. */
@RestController
class Feeds {

  private static final int FEED_SIZE = 30;
  private static final MediaType ATOM_TYPE =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
  private static final MediaType XML_TYPE =
      MediaType.parseMediaType("application/xml;charset=UTF-8");
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

  private final Articles articles;
  private final Sections sections;
  private final SiteAddress address;

  Feeds(Articles articles, Sections sections, SiteAddress address) {
    this.articles = articles;
    this.sections = sections;
    this.address = address;
  }

  /** Every edition's newest articles together, titled in the default edition's words. */
  @GetMapping("/feed.atom")
  ResponseEntity<String> atom() throws XMLStreamException {
    return atom(Texts.defaultEdition(), null, "/feed.atom");
  }

  /** One edition's newest articles. */
  @GetMapping("/{edition:en|ckb|kmr|ar|fa|tr}/feed.atom")
  ResponseEntity<String> atom(@PathVariable String edition) throws XMLStreamException {
    return atom(Texts.of(edition), edition, "/" + edition + "/feed.atom");
  }

  private ResponseEntity<String> atom(Texts t, String language, String self)
      throws XMLStreamException {
    List<Article> newest = articles.newest(language, 0, FEED_SIZE);
    String base = address.base();
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace(ATOM);
    if (language != null) {
      xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
    }
    element(xml, "title", t.get("site.feed.title", Formats.siteName()));
    element(xml, "id", base + (language == null ? "/" : t.home()));
    link(xml, "self", base + self);
    link(xml, "alternate", base + (language == null ? "/" : t.home()));
    Instant updated =
        newest.stream().map(Article::lastChanged).max(Instant::compareTo).orElse(Instant.EPOCH);
    element(xml, "updated", Formats.iso(updated));
    for (Article article : newest) {
      xml.writeStartElement("entry");
      element(xml, "title", article.headline());
      element(xml, "id", base + article.path());
      link(xml, "alternate", base + article.path());
      element(xml, "published", Formats.iso(article.publishedAt()));
      element(xml, "updated", Formats.iso(article.lastChanged()));
      xml.writeStartElement("author");
      element(xml, "name", article.source());
      xml.writeEndElement();
      for (var tag : article.tags()) {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", xmlText(tag.name()));
      }
      element(xml, "summary", article.summary());
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return ResponseEntity.ok().contentType(ATOM_TYPE).body(out.toString());
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<String> sitemap() throws XMLStreamException {
    String base = address.base();
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("urlset");
    xml.writeDefaultNamespace(SITEMAP);
    xml.writeNamespace("xhtml", XHTML);
    List<Alternate> editions =
        Texts.editions().stream().map(e -> new Alternate(e.lang(), base + e.home())).toList();
    for (Alternate edition : editions) {
      url(xml, edition.href(), null, editions);
    }
    for (List<Section> edition : sections.all().values()) {
      for (Section section : edition) {
        url(xml, base + section.path(), null, List.of());
      }
    }
    Map<String, List<Alternate>> stories = articles.storyAlternates();
    for (int page = 0; ; page++) {
      List<Article> batch = articles.newest(page, Articles.MAX_PAGE_SIZE);
      for (Article article : batch) {
        List<Alternate> alternates =
            stories.getOrDefault(article.slug(), List.of()).stream()
                .map(a -> new Alternate(a.lang(), base + a.href()))
                .toList();
        url(xml, base + article.path(), article.lastChanged(), alternates);
      }
      if (batch.size() < Articles.MAX_PAGE_SIZE) {
        break;
      }
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return ResponseEntity.ok().contentType(XML_TYPE).body(out.toString());
  }

  /** One page, with the same page in each of its languages (itself included) as Google reads. */
  private static void url(
      XMLStreamWriter xml, String location, Instant modified, List<Alternate> alternates)
      throws XMLStreamException {
    xml.writeStartElement("url");
    element(xml, "loc", location);
    if (modified != null) {
      element(xml, "lastmod", Formats.iso(modified));
    }
    for (Alternate alternate : alternates) {
      xml.writeEmptyElement("xhtml", "link", XHTML);
      xml.writeAttribute("rel", "alternate");
      xml.writeAttribute("hreflang", alternate.lang());
      xml.writeAttribute("href", alternate.href());
    }
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(xmlText(text));
    xml.writeEndElement();
  }

  /**
   * What XML 1.0 cannot hold is left out: articles are cleaned when saved, but one stored before
   * that with a control character would otherwise break the feed for every subscriber.
   */
  private static String xmlText(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  private static final Pattern NOT_XML =
      Pattern.compile("[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }
}
