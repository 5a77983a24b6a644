package org.diwan.storage;

/**
 * How this instance is deployed, as far as other modules must know.
 *
 * @param shared whether other instances may share its database (PostgreSQL), so that what must hold
 *     for the whole site (limits, sessions) is kept in the database rather than in memory
 */
public record Deployment(boolean shared) {}
