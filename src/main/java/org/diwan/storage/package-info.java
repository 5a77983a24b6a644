/**
 * Where the data lives: the database and its pool, SQLite's settings, log and backups, the data
 * directory and the installation's own secret.
 */
package org.diwan.storage;
