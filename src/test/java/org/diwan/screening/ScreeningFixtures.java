package org.diwan.screening;

import java.util.List;
import org.diwan.screening.internal.LinearModel;

/** Shared screeners and comments for the screening tests. */
final class ScreeningFixtures {

  /** The shipped engine, loaded once: loading is the slow part. */
  static final Screener SHIPPED = Screener.loadDefault();

  /** Only the shipped word lists and rule detectors: a model that scores nothing. */
  static final Screener LISTS_ONLY =
      Screener.create(LinearModel.empty("lists-only"), Lexicons.shipped());

  static final String HEADLINE = "Flooding in Erbil: families evacuated as river bursts its banks";

  static final String BODY =
      "ERBIL, Kurdistan Region – Heavy rain caused the Greater Zab river to flood parts of Erbil"
          + " province on Tuesday. Civil defence teams evacuated hundreds of families from"
          + " villages near the river, and the provincial governor said emergency shelters"
          + " were opened in schools. Farmers reported damaged crops and drowned livestock."
          + " Officials warned that more rain is expected this week and asked residents to"
          + " stay away from the riverbanks.";

  static final List<String> SHORT_ON_TOPIC_REACTIONS =
      List.of(
          "Great reporting, thanks",
          "Where was this?",
          "Stay safe everyone",
          "So sad. Thank you for covering this.",
          "Is the road to Koya still closed?");

  static final String OFF_TOPIC_COMMENT =
      "My favourite football team signed a new striker yesterday and the transfer fee was"
          + " enormous, I think the coach will play him in the derby next month against"
          + " their biggest rivals at the national stadium.";

  static final String ON_TOPIC_LONG_COMMENT =
      "The river floods every few years and the province still has no proper warning system;"
          + " the families evacuated from the villages deserve better shelters than schools.";

  private ScreeningFixtures() {}

  static ScreeningInput withArticle(String comment) {
    return new ScreeningInput(comment, HEADLINE, BODY, "en");
  }
}
