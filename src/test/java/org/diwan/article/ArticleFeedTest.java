package org.diwan.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.diwan.staff.ApiKeys;
import org.diwan.staff.Role;
import org.diwan.staff.StaffFixtures;
import org.diwan.support.OnSqlite;
import org.diwan.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.w3c.dom.Document;

/** One pasted control character must not break the Atom feed for every subscriber. */
@OnSqlite
class ArticleFeedTest {

  @Autowired Articles articles;
  @Autowired ApiKeys keys;
  @Autowired Environment environment;

  private WebClient web() {
    return new WebClient(environment.getRequiredProperty("local.server.port", Integer.class));
  }

  private static Document parsed(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anArticleWithControlCharactersInEveryFieldLeavesTheFeedWellFormed() throws Exception {
    String key = StaffFixtures.key(keys, Role.EDITOR);
    String json =
        "{\"headline\":\"Vote\\u0001 count\",\"source\":\"Wire\\u000b\",\"dateline\":\"DUHOK\\uffff\","
            + "\"body\":\"Pasted\\u0001 from\\u000b a word processor\\uffff.\","
            + "\"tags\":[\"Elec\\u0007tions\"],\"language\":\"en\"}";

    var created = web().send("POST", "/api/articles", json, "Authorization", "Bearer " + key);

    assertThat(created.statusCode()).isEqualTo(201);
    String feed = web().get("/feed.atom").body();
    assertThat(parsed(feed).getElementsByTagName("entry").getLength()).isPositive();
    assertThat(feed).contains("Vote count").contains("Elections");
  }

  @Test
  void aLoneSurrogateInAnArticleIsRefusedWithTheFieldNamed() {
    String key = StaffFixtures.key(keys, Role.EDITOR);
    var refused =
        web()
            .send(
                "POST",
                "/api/articles",
                "{\"headline\":\"Broken \\ud800 pair\",\"source\":\"Wire\",\"body\":\"Text\","
                    + "\"language\":\"en\"}",
                "Authorization",
                "Bearer " + key);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"headline\"");
  }

  @Test
  void anArticleStoredBeforeCleaningStillLeavesTheFeedWellFormed() throws Exception {
    NewArticle plain = ArticleFixtures.english("Old\u0001 headline\u000B");
    articles.publish(
        new NewArticle(
            plain.slug(),
            plain.headline(),
            "Src\uFFFF",
            plain.dateline(),
            "Body\u0001",
            "en",
            List.of("T\u0002ag"),
            List.of(),
            null,
            true,
            true));

    assertThat(parsed(web().get("/feed.atom").body()).getElementsByTagName("entry").getLength())
        .isPositive();
  }
}
