/** Moderation: the queues, decisions on comments, the dashboard, and the audit trail. */
package org.diwan.moderation;
