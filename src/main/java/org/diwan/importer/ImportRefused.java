package org.diwan.importer;

/**
 * An export file was refused: it is not well-formed XML (truncated, say), declares a DTD (which XXE
 * and entity-expansion attacks need and real exports never have), is not the format asked for, or
 * holds something Diwan cannot store. The message says what and where, for the operator; nothing of
 * the file was imported.
 */
public class ImportRefused extends RuntimeException {

  public ImportRefused(String message) {
    super(message);
  }
}
