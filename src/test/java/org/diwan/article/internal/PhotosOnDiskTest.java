package org.diwan.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.diwan.DiwanApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A site upgraded from a release that kept photos on disk serves them from the database. */
class PhotosOnDiskTest {

  private static final byte[] TINY_WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  @TempDir Path dataDir;

  @Test
  void photosLeftInTheDataDirectoryAreMovedIntoTheDatabaseAtStart() throws Exception {
    Path photos = Files.createDirectories(dataDir.resolve("photos"));
    Files.write(photos.resolve("ferry-0a1b2c3d4e5f.webp"), TINY_WEBP);
    Files.write(photos.resolve(".upload-123.part"), new byte[] {1, 2, 3});

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(DiwanApplication.class)
            .run("--server.port=0", "--diwan.demo=false", "--diwan.data-dir=" + dataDir)) {
      PhotoStore store = app.getBean(PhotoStore.class);
      assertThat(store.bytes("ferry-0a1b2c3d4e5f.webp")).contains(TINY_WEBP);
      assertThat(store.bytes(".upload-123.part")).isEmpty();
    }
  }
}
