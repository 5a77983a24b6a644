package org.diwan.site;

import java.util.List;

/**
 * The sections menu every public page shows, per edition. Added to every page's model as {@code
 * menu}; the module that owns sections provides it.
 */
public interface Menu {

  /** The menu's entries in the edition {@code lang}, in the editors' order. */
  List<Item> items(String lang);

  /** One entry: where it leads and what it says. */
  record Item(String href, String label, String slug) {}
}
