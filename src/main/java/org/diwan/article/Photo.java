package org.diwan.article;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A photo shown with an article: the stored file, its caption, whom to credit, and the size in
 * pixels it is shown at (the original's, after its EXIF orientation; 0 × 0 while a photo stored
 * before sizes were recorded has not been measured yet).
 *
 * <p>Besides the original at {@link #url()}, a photo is offered as WebP at the fixed {@link
 * #WIDTHS} that are narrower than the original, and at the next one up, made as wide as the
 * original itself and no wider; {@link #srcset()} lists them for the browser to choose from.
 */
public record Photo(
    String fileName, String contentType, String caption, String credit, int width, int height) {

  /** The widths smaller copies are asked for by, in their addresses. */
  public static final List<Integer> WIDTHS = List.of(480, 960, 1600);

  /** The width of the copy {@link #src()} names, for browsers that read no {@code srcset}. */
  private static final int FALLBACK_WIDTH = 960;

  /** A photo whose size is not known yet. */
  public Photo(String fileName, String contentType, String caption, String credit) {
    this(fileName, contentType, caption, credit, 0, 0);
  }

  /** The original as uploaded, metadata removed. */
  public String url() {
    return "/photos/" + fileName;
  }

  /** The address of the WebP copy asked for by {@code width}, one of {@link #widths()}. */
  public String url(int width) {
    return "/photos/" + width + "/" + fileName + ".webp";
  }

  /**
   * The {@link #WIDTHS} this photo is offered at, narrowest first; none while its size is unknown.
   */
  public List<Integer> widths() {
    List<Integer> offered = new ArrayList<>();
    if (width <= 0 || height <= 0) {
      return offered;
    }
    for (int w : WIDTHS) {
      offered.add(w);
      if (w >= width) {
        break;
      }
    }
    return offered;
  }

  /** Whether a copy is offered at {@code width}. */
  public boolean offers(int width) {
    return widths().contains(width);
  }

  /** How many pixels wide the copy asked for by {@code width} is: never wider than the original. */
  public int pixelWidth(int width) {
    return Math.min(width, this.width);
  }

  /** How many pixels high the copy asked for by {@code width} is, keeping the original's shape. */
  public int pixelHeight(int width) {
    return Math.max(1, (int) Math.round((double) height * pixelWidth(width) / this.width));
  }

  /**
   * The {@code srcset} attribute: each copy with its width in pixels; null while none is offered.
   */
  public String srcset() {
    List<Integer> offered = widths();
    if (offered.isEmpty()) {
      return null;
    }
    return offered.stream()
        .map(w -> url(w) + " " + pixelWidth(w) + "w")
        .collect(Collectors.joining(", "));
  }

  /**
   * The {@code src} attribute: the 960 copy (or the widest offered of a smaller photo), or the
   * original while no copy is offered.
   */
  public String src() {
    List<Integer> offered = widths();
    if (offered.isEmpty()) {
      return url();
    }
    return url(offered.contains(FALLBACK_WIDTH) ? FALLBACK_WIDTH : offered.get(offered.size() - 1));
  }

  /** The {@code width} attribute, or null while the size is unknown. */
  public Integer widthAttribute() {
    return width > 0 && height > 0 ? width : null;
  }

  /** The {@code height} attribute, or null while the size is unknown. */
  public Integer heightAttribute() {
    return width > 0 && height > 0 ? height : null;
  }
}
