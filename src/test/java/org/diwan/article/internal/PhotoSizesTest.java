package org.diwan.article.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.diwan.article.Article;
import org.diwan.article.ArticleFixtures;
import org.diwan.article.Articles;
import org.diwan.article.Photo;
import org.diwan.article.PhotoFixtures;
import org.diwan.support.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Photos stored before sizes were recorded are measured, turned as their EXIF says. */
@OnSqlite
class PhotoSizesTest {

  @Autowired Articles articles;
  @Autowired PhotoSizes sizes;
  @Autowired JdbcClient jdbc;

  @Test
  void measuresPhotosStoredWithoutASize() {
    Article article = articles.publish(ArticleFixtures.english("The old ferry"));
    byte[] turned = PhotoFixtures.withCameraMetadata(PhotoFixtures.jpeg(1200, 900), 6);
    Photo photo = articles.addPhoto(article.slug(), turned, "The old ferry", "Diwan", "editor@a");
    jdbc.sql("UPDATE photo SET width = NULL, height = NULL WHERE file_name = ?")
        .param(photo.fileName())
        .update();
    Photo before = articles.photo(photo.fileName()).orElseThrow();
    assertThat(before.widths()).isEmpty();
    assertThat(before.src()).isEqualTo(before.url());

    assertThat(sizes.measureUnmeasured()).isGreaterThanOrEqualTo(1);

    Photo after = articles.photo(photo.fileName()).orElseThrow();
    assertThat(after.width()).isEqualTo(900);
    assertThat(after.height()).isEqualTo(1200);
    assertThat(after.widths()).containsExactly(480, 960);
  }
}
