package org.diwan.comment.internal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.diwan.comment.InvalidComment;
import org.diwan.comment.SubmitComment;
import org.diwan.site.Message;

/**
 * A submission that has passed the rules and been cleaned, ready to store.
 *
 * <p>Cleaning removes what a reader cannot see and could use to disguise text: control characters
 * (line breaks and tabs stay in the comment text) and the bidirectional embedding, override and
 * isolate controls U+202A–U+202E and U+2066–U+2069. Everything else, zero-width joiners included
 * (Persian and Kurdish need U+200C), is kept as typed. HTML is stored as the text it is and always
 * shown escaped.
 */
public record CommentDraft(String name, String email, String text) {

  public static final int MAX_NAME = 80;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_TEXT = 5_000;

  private static final Pattern INVISIBLE_CONTROLS =
      Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Pattern EMAIL =
      Pattern.compile("[^\\s@\"<>(),;:\\\\\\[\\]]+@[^\\s@\"<>(),;:\\\\\\[\\]]+\\.[^\\s@.]+");

  /**
   * Applies the rules to a submission.
   *
   * @throws InvalidComment naming every field that breaks a rule
   */
  public static CommentDraft of(SubmitComment submission) {
    Map<String, Message> errors = new LinkedHashMap<>();
    String name = oneLine(submission.name());
    String email = oneLine(submission.email());
    String text = clean(submission.text());

    // A line break or other control character in a name or address is refused, not cleaned: it
    // has no place there, and one that reached a mail header could add headers of its own.
    if (hasControl(submission.name())) {
      errors.put("name", new Message("form.error.name.controls"));
    } else if (name.isEmpty() || !visible(name)) {
      errors.put("name", new Message("form.error.name.missing"));
    } else if (length(name) > MAX_NAME) {
      errors.put("name", new Message("form.error.name.tooLong", MAX_NAME));
    } else if (hasLoneSurrogate(name)) {
      errors.put("name", new Message("form.error.name.unstorable"));
    }

    Message emailProblem = emailProblem(submission.email());
    if (emailProblem != null) {
      errors.put("email", emailProblem);
    }

    if (text.isEmpty() || !visible(text)) {
      errors.put("text", new Message("form.error.text.missing"));
    } else if (length(text) > MAX_TEXT) {
      errors.put("text", new Message("form.error.text.tooLong", MAX_TEXT, length(text)));
    } else if (hasLoneSurrogate(text)) {
      errors.put("text", new Message("form.error.text.unstorable"));
    }

    if (!errors.isEmpty()) {
      throw new InvalidComment(errors);
    }
    return new CommentDraft(name, email, text);
  }

  /**
   * What is wrong with {@code email} as a commenter's address, or null: missing, not an address, or
   * holding a control character (refused, not cleaned, as it could add mail headers of its own).
   */
  public static Message emailProblem(String email) {
    String cleaned = oneLine(email);
    if (hasControl(email)) {
      return new Message("form.error.email.invalid");
    } else if (cleaned.isEmpty()) {
      return new Message("form.error.email.missing");
    } else if (cleaned.length() > MAX_EMAIL || !EMAIL.matcher(cleaned).matches()) {
      return new Message("form.error.email.invalid");
    }
    return null;
  }

  /**
   * Whether the text shows anything at all: a comment of spaces, zero-width and format characters,
   * fillers and lone combining marks looks empty on the page and is refused as empty.
   */
  static boolean visible(String value) {
    return value.codePoints().anyMatch(CommentDraft::visibleCodePoint);
  }

  private static boolean visibleCodePoint(int c) {
    if (UCharacter.isUWhiteSpace(c)
        || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
        || c == 0x2800) { // the braille blank, drawn as nothing
      return false;
    }
    return switch (UCharacter.getType(c)) {
      case UCharacterCategory.CONTROL,
          UCharacterCategory.FORMAT,
          UCharacterCategory.SPACE_SEPARATOR,
          UCharacterCategory.LINE_SEPARATOR,
          UCharacterCategory.PARAGRAPH_SEPARATOR,
          UCharacterCategory.NON_SPACING_MARK,
          UCharacterCategory.ENCLOSING_MARK,
          UCharacterCategory.UNASSIGNED,
          UCharacterCategory.PRIVATE_USE,
          UCharacterCategory.SURROGATE ->
          false;
      default -> true;
    };
  }

  /**
   * The text as the duplicate check compares it: compatibility-normalised and case-folded, with
   * default-ignorable characters (zero-width and other format characters) removed, so accents typed
   * as one character or two, capitals and invisible insertions make no new comment; and runs of
   * spaces counted as one.
   */
  static String comparable(String text) {
    return SPACES.matcher(NFKC_CASEFOLD.normalize(text)).replaceAll(" ").strip();
  }

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  static String clean(String value) {
    if (value == null) {
      return "";
    }
    String unified = value.replace("\r\n", "\n").replace('\r', '\n');
    return INVISIBLE_CONTROLS.matcher(unified).replaceAll("").strip();
  }

  private static String oneLine(String value) {
    return clean(value).replaceAll("\\s+", " ");
  }

  private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

  private static boolean hasControl(String value) {
    return value != null && CONTROLS.matcher(value).find();
  }

  static int length(String value) {
    return value.codePointCount(0, value.length());
  }

  static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
