package org.diwan.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the site keeps its files, bound from {@code diwan.*}; the database itself is {@code
 * spring.datasource.*} (an empty URL: the embedded SQLite file in this directory).
 *
 * @param dataDir the data directory: the SQLite file, its lock and uploaded photos
 */
@ConfigurationProperties("diwan")
public record StorageProperties(@DefaultValue("./data") Path dataDir) {}
