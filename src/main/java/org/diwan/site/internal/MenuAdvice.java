package org.diwan.site.internal;

import java.util.List;
import org.diwan.site.Menu;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the sections menu in every page's model; without a provider the menu is empty. */
@ControllerAdvice
class MenuAdvice {

  private static final Menu NONE = lang -> List.of();

  private final ObjectProvider<Menu> menu;

  MenuAdvice(ObjectProvider<Menu> menu) {
    this.menu = menu;
  }

  @ModelAttribute("menu")
  Menu menu() {
    return menu.getIfAvailable(() -> NONE);
  }
}
