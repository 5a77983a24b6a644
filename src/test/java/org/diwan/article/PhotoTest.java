package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The widths a photo is offered at and the attributes the templates draw from them. */
class PhotoTest {

  private static Photo sized(int width, int height) {
    return new Photo("ferry-0a1b2c3d4e5f.jpg", "image/jpeg", "The ferry", "Diwan", width, height);
  }

  @Test
  void offersEveryWidthUpToTheFirstAtLeastAsWideAsTheOriginal() {
    assertThat(sized(4000, 3000).widths()).containsExactly(480, 960, 1600);
    assertThat(sized(1600, 900).widths()).containsExactly(480, 960, 1600);
    assertThat(sized(1200, 800).widths()).containsExactly(480, 960, 1600);
    assertThat(sized(960, 640).widths()).containsExactly(480, 960);
    assertThat(sized(300, 200).widths()).containsExactly(480);
  }

  @Test
  void neverMakesACopyWiderThanTheOriginal() {
    Photo photo = sized(1200, 800);

    assertThat(photo.srcset())
        .isEqualTo(
            "/photos/480/ferry-0a1b2c3d4e5f.jpg.webp 480w,"
                + " /photos/960/ferry-0a1b2c3d4e5f.jpg.webp 960w,"
                + " /photos/1600/ferry-0a1b2c3d4e5f.jpg.webp 1200w");
    assertThat(photo.pixelWidth(1600)).isEqualTo(1200);
    assertThat(photo.pixelHeight(1600)).isEqualTo(800);
    assertThat(photo.pixelHeight(480)).isEqualTo(320);
  }

  @Test
  void fallsBackToThe960CopyOrTheWidestOfASmallPhoto() {
    assertThat(sized(4000, 3000).src()).isEqualTo("/photos/960/ferry-0a1b2c3d4e5f.jpg.webp");
    assertThat(sized(300, 200).src()).isEqualTo("/photos/480/ferry-0a1b2c3d4e5f.jpg.webp");
  }

  @Test
  void showsTheOriginalWithoutSizeAttributesWhileItsSizeIsUnknown() {
    Photo unmeasured = new Photo("ferry-0a1b2c3d4e5f.jpg", "image/jpeg", "The ferry", "Diwan");

    assertThat(unmeasured.widths()).isEmpty();
    assertThat(unmeasured.srcset()).isNull();
    assertThat(unmeasured.src()).isEqualTo("/photos/ferry-0a1b2c3d4e5f.jpg");
    assertThat(unmeasured.widthAttribute()).isNull();
    assertThat(unmeasured.heightAttribute()).isNull();
  }
}
