/**
 * Diwan's own meters in {@code /actuator/prometheus}: comments submitted and decided and the queue,
 * counted from the other modules' events; who may scrape them is the staff module's rule.
 */
package org.diwan.metrics;
