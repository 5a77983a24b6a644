package org.diwan.screening.training;

import static org.diwan.screening.training.Example.clean;
import static org.diwan.screening.training.Example.set;
import static org.diwan.screening.training.Example.unknown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.diwan.screening.internal.Head;

/**
 * Reads the labelled datasets under a data directory (each described by its SOURCE.md) into {@link
 * Example}s, mapping each dataset's labels onto the model's heads. Missing datasets are skipped
 * with a note, so a partial checkout still trains.
 */
public final class Datasets {

  private final Path root;
  private final Consumer<String> log;

  public Datasets(Path root, Consumer<String> log) {
    this.root = root;
    this.log = log;
  }

  /** Every example of every dataset present, in a fixed order. */
  public List<Example> all() throws IOException {
    List<Example> out = new ArrayList<>();
    olid(out);
    davidson(out);
    ethos(out);
    foxNews(out);
    youtube(out);
    sms(out);
    osact(out);
    lhsab(out);
    turkish(out);
    persian(out);
    jigsaw(out);
    return out;
  }

  /**
   * Labels of a comment annotated as not offensive: no violation, while promotion stays unknown
   * because these datasets were not annotated for spam (tweets link freely).
   */
  private static byte[] inoffensive() {
    return set(clean(), Example.UNKNOWN, Head.PROMOTION);
  }

  /** OLID: NOT clean; UNT profanity; TIN/IND personal attack; TIN/GRP group abuse. */
  private void olid(List<Example> out) throws IOException {
    List<String> lines = lines("olid/olid-training-v1.0.tsv");
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.split("\t", -1);
      if (f.length < 5) {
        continue;
      }
      byte[] labels;
      int tag = f[2].equals("OFF") ? 1 : 0;
      if (tag == 0) {
        labels = inoffensive();
      } else {
        labels = set(unknown(), 1, Head.OFFENSIVE);
        if (f[3].equals("UNT")) {
          set(labels, 1, Head.PROFANITY);
          set(labels, 0, Head.PERSONAL_ATTACK, Head.ABUSE);
        } else if (f[4].equals("IND")) {
          set(labels, 1, Head.PERSONAL_ATTACK);
          set(labels, 0, Head.ABUSE);
        } else if (f[4].equals("GRP")) {
          set(labels, 1, Head.ABUSE);
          set(labels, 0, Head.PERSONAL_ATTACK);
        }
      }
      out.add(new Example("olid", f[1], labels, Split.byText(f[1]), tag, null));
    }
  }

  /** Davidson: 2 neither (clean), 1 offensive (profanity), 0 hate (group abuse). */
  private void davidson(List<Example> out) throws IOException {
    List<List<String>> rows = csv("davidson2017/labeled_data.csv", ',');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      int cls = Integer.parseInt(row.get(5));
      String text = unescapeHtml(row.get(6));
      byte[] labels = cls == 2 ? inoffensive() : set(unknown(), 1, Head.OFFENSIVE);
      if (cls == 1) {
        set(labels, 1, Head.PROFANITY);
        set(labels, 0, Head.ABUSE, Head.SEXISM, Head.RACISM);
        set(labels, 0, Head.HOMOPHOBIA, Head.XENOPHOBIA);
      } else if (cls == 0) {
        set(labels, 1, Head.ABUSE);
      }
      out.add(new Example("davidson", text, labels, Split.byText(text), cls, null));
    }
  }

  /** ETHOS: hate is group abuse, with kinds, violence as threat, directed as personal attack. */
  private void ethos(List<Example> out) throws IOException {
    Map<String, List<String>> multi = new HashMap<>();
    List<List<String>> multiRows = csv("ethos/Ethos_Dataset_Multi_Label.csv", ';');
    for (List<String> row : multiRows.subList(Math.min(1, multiRows.size()), multiRows.size())) {
      multi.put(row.get(0).strip(), row);
    }
    List<List<String>> rows = csv("ethos/Ethos_Dataset_Binary.csv", ';');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      String text = row.get(0).strip();
      boolean hate = Double.parseDouble(row.get(1)) >= 0.5;
      byte[] labels;
      if (!hate) {
        labels = set(unknown(), 0, Head.ABUSE, Head.THREAT, Head.SEXISM);
        set(labels, 0, Head.RACISM, Head.HOMOPHOBIA, Head.XENOPHOBIA);
      } else {
        labels = set(unknown(), 1, Head.ABUSE, Head.OFFENSIVE);
        List<String> m = multi.get(text);
        if (m != null) {
          set(labels, at(m, 1), Head.THREAT);
          set(labels, at(m, 2), Head.PERSONAL_ATTACK);
          set(labels, at(m, 3), Head.SEXISM);
          set(labels, at(m, 4), Head.RACISM);
          set(labels, at(m, 5), Head.XENOPHOBIA);
          set(labels, at(m, 8), Head.HOMOPHOBIA);
        }
      }
      out.add(new Example("ethos", text, labels, Split.byText(text), hate ? 1 : 0, null));
    }
  }

  private static int at(List<String> row, int column) {
    return Double.parseDouble(row.get(column)) >= 0.5 ? 1 : 0;
  }

  /** Fox News comments: hateful is "breaks some guideline"; split by thread, not by text. */
  private void foxNews(List<Example> out) throws IOException {
    List<String> lines = lines("fox_news_comments/fox-news-comments.json");
    List<Map<String, String>> objects = new ArrayList<>();
    TreeSet<String> titles = new TreeSet<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        Map<String, String> o = DatasetFiles.flatObject(line);
        objects.add(o);
        titles.add(o.get("title"));
      }
    }
    // Threads ordered by hash: two for test, one for validation, the rest for training.
    List<String> byHash = new ArrayList<>(titles);
    byHash.sort(
        (a, b) ->
            Integer.compare(
                Split.bucket(a) * 1000 + a.length(), Split.bucket(b) * 1000 + b.length()));
    for (Map<String, String> o : objects) {
      int rank = byHash.indexOf(o.get("title"));
      Split split = rank < 2 ? Split.TEST : rank < 3 ? Split.VALIDATION : Split.TRAIN;
      boolean hateful = "1".equals(o.get("label"));
      byte[] labels = hateful ? set(unknown(), 1, Head.OFFENSIVE) : inoffensive();
      String context = o.get("title") + "\n" + o.getOrDefault("meta", "");
      out.add(new Example("fox_news", o.get("text"), labels, split, hateful ? 1 : 0, context));
    }
  }

  /** YouTube spam: spam is promotion; other heads unknown. */
  private void youtube(List<Example> out) throws IOException {
    String[] files = {
      "Youtube01-Psy.csv",
      "Youtube02-KatyPerry.csv",
      "Youtube03-LMFAO.csv",
      "Youtube04-Eminem.csv",
      "Youtube05-Shakira.csv"
    };
    for (String file : files) {
      List<List<String>> rows = csv("youtube_spam/" + file, ',');
      for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
        String raw = row.get(3).replace("\uFEFF", "").replace("<br />", "\n");
        // The comments keep HTML entities (&#39;, &quot;); the split stays keyed on the raw text.
        String text = unescapeHtml(raw);
        int spam = Integer.parseInt(row.get(4).strip());
        byte[] labels = set(unknown(), spam, Head.PROMOTION);
        out.add(new Example("youtube_spam", text, labels, Split.byText(raw), spam, null));
      }
    }
  }

  /** SMS spam: spam is promotion. */
  private void sms(List<Example> out) throws IOException {
    List<String> lines = lines("sms_spam/SMSSpamCollection.tsv");
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      int spam = line.startsWith("spam") ? 1 : 0;
      String text = line.substring(tab + 1);
      byte[] labels = set(unknown(), spam, Head.PROMOTION);
      out.add(new Example("sms_spam", text, labels, Split.byText(text), spam, null));
    }
  }

  /** OSACT 2020 Arabic: OFF is "breaks some guideline", HS group abuse. */
  private void osact(List<Example> out) throws IOException {
    List<String> lines = new ArrayList<>(lines("arabic_osact2020/OSACT2020-sharedTask-train.txt"));
    lines.addAll(lines("arabic_osact2020/OSACT2020-sharedTask-dev.txt"));
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length < 3) {
        continue;
      }
      String text = f[0].replace("<LF>", "\n");
      boolean off = f[1].equals("OFF");
      byte[] labels = off ? set(unknown(), 1, Head.OFFENSIVE) : inoffensive();
      if (off) {
        set(labels, f[2].equals("HS") ? 1 : 0, Head.ABUSE);
      }
      out.add(new Example("arabic_osact2020", text, labels, Split.byText(text), off ? 1 : 0, null));
    }
  }

  /** L-HSAB Levantine Arabic: abusive is "breaks some guideline", hate group abuse. */
  private void lhsab(List<Example> out) throws IOException {
    List<List<String>> rows = csv("arabic_lhsab/L-HSAB.tsv", '\t');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      if (row.size() < 2) {
        continue;
      }
      String cls = row.get(1).strip();
      boolean off = !cls.equals("normal");
      byte[] labels = off ? set(unknown(), 1, Head.OFFENSIVE) : inoffensive();
      if (off) {
        set(labels, cls.equals("hate") ? 1 : 0, Head.ABUSE);
      }
      String text = row.get(0);
      out.add(new Example("arabic_lhsab", text, labels, Split.byText(text), off ? 1 : 0, null));
    }
  }

  /** OffensEval-TR 2020: the official test set stays the test split. */
  private void turkish(List<Example> out) throws IOException {
    for (String line : lines("turkish_offenseval2020/offenseval-tr-training-v1.tsv")) {
      String[] f = line.split("\t");
      if (f.length >= 3) {
        addTurkish(out, f[1], f[2].strip(), Split.trainOrValidation(f[1]));
      }
    }
    Map<String, String> gold = new HashMap<>();
    for (String line : lines("turkish_offenseval2020/offenseval-tr-labela-v1.tsv")) {
      String[] f = line.split(",");
      if (f.length >= 2) {
        gold.put(f[0].strip(), f[1].strip());
      }
    }
    for (String line : lines("turkish_offenseval2020/offenseval-tr-testset-v1.tsv")) {
      String[] f = line.split("\t");
      if (f.length >= 2 && gold.containsKey(f[0].strip())) {
        addTurkish(out, f[1], gold.get(f[0].strip()), Split.TEST);
      }
    }
  }

  private static void addTurkish(List<Example> out, String text, String label, Split split) {
    boolean off = label.equals("OFF");
    byte[] labels = off ? set(unknown(), 1, Head.OFFENSIVE) : inoffensive();
    out.add(new Example("turkish_offenseval2020", text, labels, split, off ? 1 : 0, null));
  }

  /** ParsOffensive: Offensive is "breaks some guideline". */
  private void persian(List<Example> out) throws IOException {
    List<List<String>> rows = csv("persian_parsoffensive/ParsOffensive.csv", ',');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      if (row.size() < 2) {
        continue;
      }
      boolean off = row.get(1).strip().equals("Offensive");
      byte[] labels = off ? set(unknown(), 1, Head.OFFENSIVE) : inoffensive();
      String text = row.get(0);
      out.add(
          new Example(
              "persian_parsoffensive", text, labels, Split.byText(text), off ? 1 : 0, null));
    }
  }

  /** The 101-comment Jigsaw sample: too small to train on, so all of it is test. */
  private void jigsaw(List<Example> out) throws IOException {
    List<List<String>> rows = csv("jigsaw_toxic_sample/test_examples.csv", ',');
    for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      if (row.size() < 7) {
        continue;
      }
      int toxic = Integer.parseInt(row.get(1).strip());
      byte[] labels = set(unknown(), toxic, Head.OFFENSIVE);
      set(labels, Integer.parseInt(row.get(3).strip()), Head.PROFANITY);
      set(labels, Integer.parseInt(row.get(4).strip()), Head.THREAT);
      set(labels, Integer.parseInt(row.get(5).strip()), Head.PERSONAL_ATTACK);
      set(labels, Integer.parseInt(row.get(6).strip()), Head.ABUSE);
      out.add(new Example("jigsaw_sample", row.get(0), labels, Split.TEST, toxic, null));
    }
  }

  private List<String> lines(String file) throws IOException {
    Path path = root.resolve(file);
    if (!Files.exists(path)) {
      log.accept("skipped (missing): " + file);
      return List.of();
    }
    return Files.readAllLines(path, StandardCharsets.UTF_8);
  }

  private List<List<String>> csv(String file, char delimiter) throws IOException {
    Path path = root.resolve(file);
    if (!Files.exists(path)) {
      log.accept("skipped (missing): " + file);
      return List.of();
    }
    return DatasetFiles.csv(path, delimiter);
  }

  /** Davidson's tweets keep HTML entities such as {@code &amp;} and {@code &#128567;}. */
  static String unescapeHtml(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      if (semi > i && semi - i <= 10) {
        String entity = s.substring(i + 1, semi);
        String decoded = decodeEntity(entity);
        if (decoded != null) {
          out.append(decoded);
          i = semi;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String decodeEntity(String entity) {
    switch (entity) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        if (entity.startsWith("#")) {
          try {
            return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
          } catch (IllegalArgumentException e) {
            return null;
          }
        }
        return null;
    }
  }
}
