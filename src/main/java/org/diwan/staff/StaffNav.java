package org.diwan.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff bar's links for the signed-in member of staff: only the consoles their roles open, so
 * no link leads to a 403. Read from the request's security context, since the layout template that
 * draws the bar is shared by every page and has nothing injected.
 */
public final class StaffNav {

  /** A link of the staff bar. */
  public record Link(String href, String label) {}

  private StaffNav() {}

  /** The links for whoever is signed in on this thread; only the start page for no role. */
  public static List<Link> links() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    Set<String> held =
        who == null
            ? Set.of()
            : who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    return links(held);
  }

  static List<Link> links(Set<String> authorities) {
    List<Link> links = new ArrayList<>(List.of(new Link("/staff", "Staff")));
    if (authorities.contains(Role.MODERATOR.authority())) {
      links.add(new Link("/moderation", "Moderation"));
      links.add(new Link("/moderation/dashboard", "Dashboard"));
    }
    if (authorities.contains(Role.EDITOR.authority())) {
      links.add(new Link("/editor", "Editor"));
    }
    if (authorities.contains(Role.ADMIN.authority())) {
      links.add(new Link("/admin/staff", "Admin"));
    }
    return links;
  }
}
