package org.diwan.article.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the size of photos stored before sizes were recorded at upload, reading only each
 * picture's header; {@link PhotosOnDisk} runs it at start. Until then such a photo is shown from
 * its original, without smaller copies or {@code width} and {@code height} attributes. Instances
 * starting together may measure the same photo; both write the same size. A photo that cannot be
 * measured is logged by name and left as it was.
 */
@Component
class PhotoSizes {

  private static final Logger log = LoggerFactory.getLogger(PhotoSizes.class);

  private final JdbcClient jdbc;
  private final PhotoStore store;
  private final TransactionTemplate transactions;

  PhotoSizes(JdbcClient jdbc, PhotoStore store, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.store = store;
    this.transactions = new TransactionTemplate(transactions);
  }

  /** Measures every photo without a recorded size; returns how many it measured. */
  int measureUnmeasured() {
    List<String> unmeasured =
        jdbc.sql("SELECT file_name FROM photo WHERE width IS NULL OR height IS NULL")
            .query(String.class)
            .list();
    int measured = 0;
    for (String name : unmeasured) {
      byte[] bytes = store.bytes(name).orElse(null);
      PhotoStore.Kind kind = bytes == null ? null : PhotoStore.Kind.sniff(bytes);
      if (kind == null) {
        log.warn("Photo {} has no stored picture to measure", name);
        continue;
      }
      PhotoPixels.Size size;
      try {
        size = PhotoPixels.measure(kind, bytes);
      } catch (PhotoMetadata.Unreadable e) {
        log.warn("Photo {} cannot be measured: {}", name, e.getMessage());
        continue;
      }
      transactions.executeWithoutResult(
          t ->
              jdbc.sql("UPDATE photo SET width = ?, height = ? WHERE file_name = ?")
                  .params(size.width(), size.height(), name)
                  .update());
      measured++;
    }
    if (measured > 0) {
      log.info("Measured {} photos stored before their sizes were recorded", measured);
    }
    return measured;
  }
}
