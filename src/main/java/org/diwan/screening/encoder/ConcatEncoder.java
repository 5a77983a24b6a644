package org.diwan.screening.encoder;

import java.util.List;

/** Several encoders read the same text; their embeddings side by side, scaled to unit length. */
public final class ConcatEncoder implements Encoder {
  private final List<Encoder> parts;
  private final String id;

  public ConcatEncoder(List<? extends Encoder> parts) {
    this.parts = List.copyOf(parts);
    this.id = String.join("+", parts.stream().map(Encoder::id).toList());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public float[] embed(String text) {
    float[][] each = new float[parts.size()][];
    int n = 0;
    for (int i = 0; i < each.length; i++) {
      each[i] = parts.get(i).embed(text);
      n += each[i].length;
    }
    float[] out = new float[n];
    float scale = (float) (1 / Math.sqrt(each.length));
    int at = 0;
    for (float[] e : each) {
      for (float f : e) {
        out[at++] = f * scale;
      }
    }
    return out;
  }
}
