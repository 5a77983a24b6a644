package org.diwan.screening.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class WindowsTest {

  @Test
  void keepsAShortCommentInOneWindow() {
    String text = "  We know where he parks. Tell him to be careful.  ";

    assertThat(Windows.of(text))
        .extracting(s -> s.of(text))
        .containsExactly("We know where he parks. Tell him to be careful.");
    assertThat(Windows.sentences(text))
        .extracting(s -> s.of(text))
        .containsExactly("We know where he parks.", "Tell him to be careful.");
  }

  @Test
  void cutsALongCommentIntoOverlappingWindowsOfWholeSentences() {
    String sentence = "The council met again on Tuesday to discuss the new market hall. ";
    String text = sentence.repeat(40) + "I will burn the hall down.";

    List<Windows.Span> windows = Windows.of(text);

    assertThat(windows).hasSizeGreaterThan(3);
    assertThat(windows)
        .allSatisfy(w -> assertThat(w.end() - w.start()).isLessThanOrEqualTo(Windows.MAX_CHARS));
    assertThat(windows.get(windows.size() - 1).of(text)).endsWith("I will burn the hall down.");
    for (int i = 1; i < windows.size(); i++) {
      // neighbours share their boundary sentence
      assertThat(windows.get(i).start()).isLessThan(windows.get(i - 1).end());
    }
  }

  @Test
  void cutsOneEndlessWordEveryMaxChars() {
    String text = "x".repeat(Windows.MAX_CHARS * 3 + 5);

    assertThat(Windows.of(text)).hasSize(4);
  }

  @Test
  void findsNothingToReadInEmojiOrPunctuation() {
    assertThat(Windows.of("")).isEmpty();
    assertThat(Windows.of(null)).isEmpty();
    assertThat(Windows.of("\uD83D\uDE21\uD83D\uDD2A !!! ...")).isEmpty();
    assertThat(Windows.of("Watch out \uD83D\uDD2A\uD83D\uDD2A")).hasSize(1);
  }

  @Property(tries = 300)
  void windowsStayInsideTheTextAndCoverEveryLetter(@ForAll @StringLength(max = 3000) String text) {
    List<Windows.Span> windows = Windows.of(text);
    boolean[] covered = new boolean[text.length()];
    int previousStart = -1;
    for (Windows.Span w : windows) {
      assertThat(w.start()).isGreaterThan(previousStart).isGreaterThanOrEqualTo(0);
      assertThat(w.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(w.start());
      assertThat(Character.isWhitespace(text.charAt(w.start()))).isFalse();
      assertThat(Character.isWhitespace(text.charAt(w.end() - 1))).isFalse();
      for (int i = w.start(); i < w.end(); i++) {
        covered[i] = true;
      }
      previousStart = w.start();
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        assertThat(covered[i]).as("character %d of %s", i, text).isTrue();
      }
    }
  }
}
