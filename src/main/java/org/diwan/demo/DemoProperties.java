package org.diwan.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo module's setting, bound from {@code diwan.*}.
 *
 * @param demo seed the demo site when the database has no articles
 */
@ConfigurationProperties("diwan")
public record DemoProperties(@DefaultValue("true") boolean demo) {}
