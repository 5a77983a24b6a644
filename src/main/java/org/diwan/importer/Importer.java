package org.diwan.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.diwan.article.Articles;
import org.diwan.article.Language;
import org.diwan.comment.CommentImport;
import org.diwan.importer.internal.DisqusExport;
import org.diwan.importer.internal.ImportRun;
import org.diwan.importer.internal.ImportedIds;
import org.diwan.importer.internal.WordPressExport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one export file: its stories as articles and its comments with their original dates,
 * names, e-mails, texts and status (see {@link ImportRun}), all in one transaction, so a file that
 * turns out bad halfway (truncated, malformed, a DTD) or a failing database leaves nothing of it
 * behind, and the next run starts clean. A story or comment imported before is skipped, so running
 * it again brings nothing in twice.
 */
@Service
public class Importer {

  private final ImportRun.Services services;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Importer(
      Articles articles,
      CommentImport comments,
      ImportedIds ids,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.services = new ImportRun.Services(articles, comments, ids);
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Imports {@code file} as {@code format}; {@code language} null takes the file's own. {@code
   * progress} hears the counts as the import goes (before they are committed).
   *
   * @throws ImportRefused for a file that cannot be imported; nothing of it is
   * @throws UncheckedIOException when the file cannot be read
   */
  public ImportSummary importFile(
      ImportFormat format, Path file, Language language, Consumer<ImportSummary> progress) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return transactions.execute(
          status -> {
            ImportRun run = new ImportRun(services, format, language, clock.instant(), progress);
            switch (format) {
              case WORDPRESS -> WordPressExport.read(in, run);
              case DISQUS -> DisqusExport.read(in, run);
            }
            return run.finish();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
