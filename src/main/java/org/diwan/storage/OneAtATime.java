package org.diwan.storage;

/**
 * Runs work that two instances starting at once must not both do (creating the first admin, seeding
 * the demo site): on PostgreSQL under an advisory lock that every instance of the site takes; on
 * the embedded SQLite file, where the data directory's lock already keeps a second instance out, at
 * once.
 */
public interface OneAtATime {

  /** Runs {@code work} while no other instance runs work of the same {@code name}. */
  void run(String name, Runnable work);
}
