package org.diwan.importer.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.diwan.importer.ImportRefused;

/**
 * An export file read as a stream of records (an item, a thread, a post), each a flat map from the
 * path of a field inside it ({@code author/email}, {@code wp:comment_id}, {@code thread@id} for an
 * attribute) to its text, so a file of any size is read in memory the size of one record.
 *
 * <p>The parser is hardened: a document with a DTD is refused before any of it is read, and neither
 * DTDs nor external entities are supported, so XXE and entity expansion ("billion laughs") cannot
 * happen; one text over {@link #MAX_TEXT} characters is refused too. Every problem is an {@link
 * ImportRefused} naming the line. Not thread-safe.
 */
final class XmlRecords implements AutoCloseable {

  /** The longest text of one field read: far over any real comment or post. */
  static final int MAX_TEXT = 4_000_000;

  private static final XMLInputFactory FACTORY = hardenedFactory();

  private final XMLStreamReader reader;

  XmlRecords(InputStream in) {
    try {
      reader = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw refused(e);
    }
  }

  private static XMLInputFactory hardenedFactory() {
    // The JDK's own parser, whatever else is on the class path, with DTDs and entities off.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /**
   * Moves to the next start of an element, returning its name ({@code prefix:local}, see {@link
   * #name}) and how deep it is (the root is 1), or null at the end of the document.
   */
  Element nextElement(int depthBefore) {
    int depth = depthBefore;
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return new Element(name(), depth + 1);
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamConstants.END_DOCUMENT) {
        return null;
      }
    }
  }

  /** An element's name and depth, as {@link #nextElement} found it. */
  record Element(String name, int depth) {}

  /**
   * Reads the element the reader is at, through its end: its fields by path, its own text under
   * {@code ""}. A child named in {@code nested} is read as a record of its own and handed at once
   * to {@code onNested}, with the fields read so far (a post's comments, each with its post), so
   * that they are never all held at once.
   */
  Map<String, String> record(
      Set<String> nested, BiConsumer<Map<String, String>, Map<String, String>> onNested) {
    Map<String, String> fields = new HashMap<>();
    attributes("", fields);
    Deque<String> path = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    boolean leaf = true;
    while (true) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          String name = name();
          if (path.isEmpty() && nested.contains(name)) {
            onNested.accept(fields, record(Set.of(), null));
            continue;
          }
          path.addLast(name);
          attributes(String.join("/", path), fields);
          text.setLength(0);
          leaf = true;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text.length() + reader.getTextLength() > MAX_TEXT) {
            throw refusedAt("a text of more than " + MAX_TEXT + " characters");
          }
          text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          String key = String.join("/", path);
          if (leaf) {
            fields.put(key, text.toString());
          }
          if (path.isEmpty()) {
            return fields;
          }
          path.removeLast();
          text.setLength(0);
          leaf = false;
        }
        case XMLStreamConstants.END_DOCUMENT -> throw refusedAt("the file ends inside a record");
        default -> {}
      }
    }
  }

  /** Where the reader is, for messages: "line 12". */
  String where() {
    Location at = reader.getLocation();
    return "line " + at.getLineNumber();
  }

  /** An {@link ImportRefused} for {@code problem} at the reader's line. */
  ImportRefused refusedAt(String problem) {
    return new ImportRefused("Refused at " + where() + ": " + problem + ".");
  }

  private void attributes(String path, Map<String, String> fields) {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      fields.put(path + "@" + reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
  }

  private int next() {
    try {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw refusedAt(
            "the file declares a DTD or uses an entity, which exports never do and which XXE and"
                + " entity-expansion (billion laughs) attacks need");
      }
      return event;
    } catch (XMLStreamException e) {
      throw refused(e);
    }
  }

  /**
   * The element's name as {@code prefix:local}, the prefix fixed by its namespace rather than the
   * file's choice: {@code wp}, {@code content}, {@code excerpt}, {@code dc}, {@code dsq}, or none.
   */
  private String name() {
    String uri = reader.getNamespaceURI();
    String local = reader.getLocalName();
    if (uri == null || uri.isEmpty()) {
      return local;
    }
    String u = uri.toLowerCase(Locale.ROOT);
    String prefix;
    if (u.contains("wordpress.org/export") && u.contains("excerpt")) {
      prefix = "excerpt";
    } else if (u.contains("wordpress.org/export")) {
      prefix = "wp";
    } else if (u.contains("purl.org/rss/1.0/modules/content")) {
      prefix = "content";
    } else if (u.contains("purl.org/dc/elements")) {
      prefix = "dc";
    } else if (u.contains("disqus.com/disqus-internals")) {
      prefix = "dsq";
    } else {
      return local;
    }
    return prefix + ":" + local;
  }

  private static ImportRefused refused(XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage() == null ? "" : e.getMessage();
    // The JDK prefixes its message with "ParseError at [row,col]:[r,c]\nMessage: ".
    int cut = message.indexOf("Message: ");
    String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
    String where = at == null ? "" : " at line " + at.getLineNumber();
    return new ImportRefused(
        "Refused"
            + where
            + ": not well-formed XML ("
            + reason.strip()
            + "); is the file complete?");
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (XMLStreamException e) {
      // Closing a reader of a stream its caller closes: nothing left to release.
    }
  }
}
