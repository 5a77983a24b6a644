package org.diwan.screening.encoder;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.diwan.screening.AbuseKind;
import org.diwan.screening.Category;

/**
 * What the second stage learned, as shipped in {@code encoder-heads.bin}: which encoder and which
 * first-stage model it was trained with (and that model's thresholds), the heads, one {@link Stack}
 * per category with labelled data plus one for "breaks some guideline", the abuse-kind thresholds
 * and the relevance cosines.
 *
 * <p>Immutable. The version is a checksum of the serialised form, so it changes with any weight.
 */
public final class SecondStageModel {

  private static final int MAGIC = 0x44574532; // "DWE2"
  private static final int FORMAT = 2; // 2 added the nearest code's floor; 1 still reads (floor 0)

  private final String encoderId;
  private final String firstStageVersion;
  private final double[] firstThresholds;
  private final HeadNetwork heads;
  private final Map<Category, Stack> stacks;
  private final Stack overall;
  private final double nearestFloor;
  private final double[] kindThresholds;
  private final Relevance.Calibration relevance;
  private final float[] center;
  private final String version;

  public SecondStageModel(
      String encoderId,
      String firstStageVersion,
      double[] firstThresholds,
      HeadNetwork heads,
      Map<Category, Stack> stacks,
      Stack overall,
      double nearestFloor,
      double[] kindThresholds,
      Relevance.Calibration relevance,
      float[] center) {
    if (!(nearestFloor >= 0 && nearestFloor < 1)) {
      throw new IllegalArgumentException("the nearest code's floor is not in [0, 1)");
    }
    if (firstThresholds.length != Category.values().length
        || kindThresholds.length != AbuseKind.values().length) {
      throw new IllegalArgumentException("thresholds do not match the categories");
    }
    this.encoderId = encoderId;
    this.firstStageVersion = firstStageVersion;
    this.firstThresholds = firstThresholds.clone();
    this.heads = heads;
    EnumMap<Category, Stack> copy = new EnumMap<>(Category.class);
    copy.putAll(stacks);
    this.stacks = Collections.unmodifiableMap(copy);
    this.overall = overall;
    this.nearestFloor = nearestFloor;
    this.kindThresholds = kindThresholds.clone();
    this.relevance = relevance;
    if (center.length != heads.inputs()) {
      throw new IllegalArgumentException("centre does not match the embedding size");
    }
    this.center = center.clone();
    this.version = "enc1-" + checksum();
  }

  public String encoderId() {
    return encoderId;
  }

  /** The first stage's model version the stacks were fitted against. */
  public String firstStageVersion() {
    return firstStageVersion;
  }

  /** That first-stage model's operating threshold for {@code category}. */
  public double firstThreshold(Category category) {
    return firstThresholds[category.ordinal()];
  }

  public HeadNetwork heads() {
    return heads;
  }

  /** The stacks, by category; categories without labelled data have none. */
  public Map<Category, Stack> stacks() {
    return stacks;
  }

  public Stack overall() {
    return overall;
  }

  /**
   * The share of its threshold the nearest code's score must reach for the overall stack's
   * agreement alone to flag it (see {@link Signals#agreementFlags}).
   */
  public double nearestFloor() {
    return nearestFloor;
  }

  public double kindThreshold(AbuseKind kind) {
    return kindThresholds[kind.ordinal()];
  }

  public Relevance.Calibration relevance() {
    return relevance;
  }

  /** The mean training embedding, subtracted before relevance compares two texts. */
  public float[] center() {
    return center.clone();
  }

  public String version() {
    return version;
  }

  public void write(OutputStream target) throws IOException {
    GZIPOutputStream zip = new GZIPOutputStream(target);
    DataOutputStream out = new DataOutputStream(zip);
    writeBody(out);
    out.flush();
    zip.finish();
  }

  private void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeUTF(encoderId);
    out.writeUTF(firstStageVersion);
    for (double t : firstThresholds) {
      out.writeDouble(t);
    }
    heads.write(out);
    out.writeInt(stacks.size());
    for (Map.Entry<Category, Stack> e : stacks.entrySet()) {
      out.writeUTF(e.getKey().name());
      e.getValue().write(out);
    }
    overall.write(out);
    out.writeDouble(nearestFloor);
    for (double t : kindThresholds) {
      out.writeDouble(t);
    }
    out.writeDouble(relevance.onTopic());
    out.writeDouble(relevance.offTopic());
    for (float v : center) {
      out.writeFloat(v);
    }
  }

  /** Reads a model written by {@link #write}; a truncated or foreign file is an IOException. */
  public static SecondStageModel read(InputStream source) throws IOException {
    try {
      DataInputStream in = new DataInputStream(new GZIPInputStream(source));
      if (in.readInt() != MAGIC) {
        throw new IOException("not a second-stage model");
      }
      int format = in.readInt();
      if (format != 1 && format != FORMAT) {
        throw new IOException("second-stage model of unknown format " + format);
      }
      String encoderId = in.readUTF();
      String firstStageVersion = in.readUTF();
      double[] firstThresholds = doubles(in, Category.values().length);
      HeadNetwork heads = HeadNetwork.read(in);
      int count = in.readInt();
      if (count < 0 || count > Category.values().length) {
        throw new IOException("bad stack count " + count);
      }
      Map<Category, Stack> stacks = new EnumMap<>(Category.class);
      for (int i = 0; i < count; i++) {
        stacks.put(category(in.readUTF()), Stack.read(in));
      }
      Stack overall = Stack.read(in);
      double nearestFloor = format == 1 ? 0 : in.readDouble();
      double[] kinds = doubles(in, AbuseKind.values().length);
      Relevance.Calibration relevance = new Relevance.Calibration(in.readDouble(), in.readDouble());
      float[] center = new float[heads.inputs()];
      for (int i = 0; i < center.length; i++) {
        center[i] = in.readFloat();
      }
      return new SecondStageModel(
          encoderId,
          firstStageVersion,
          firstThresholds,
          heads,
          stacks,
          overall,
          nearestFloor,
          kinds,
          relevance,
          center);
    } catch (EOFException e) {
      throw new IOException("second-stage model is truncated", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("second-stage model is inconsistent: " + e.getMessage(), e);
    }
  }

  private static Category category(String name) throws IOException {
    try {
      return Category.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown category " + name, e);
    }
  }

  private static double[] doubles(DataInputStream in, int n) throws IOException {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
      if (!Double.isFinite(a[i])) {
        throw new IOException("threshold is not a number");
      }
    }
    return a;
  }

  private String checksum() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      writeBody(new DataOutputStream(bytes));
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      return String.format("%08x", crc.getValue());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
