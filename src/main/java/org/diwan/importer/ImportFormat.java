package org.diwan.importer;

/** The export formats Diwan reads, by the name the {@code import} command takes. */
public enum ImportFormat {
  WORDPRESS("wordpress"),
  DISQUS("disqus");

  private final String command;

  ImportFormat(String command) {
    this.command = command;
  }

  /** The subcommand's name, and the first word of the origin its source ids are kept under. */
  public String command() {
    return command;
  }
}
