/** Webhooks: signed HTTP deliveries of comment events to endpoints an admin registers. */
package org.diwan.webhook;
