/** Moderation: the queues, decisions on comments, automatic policies and the dashboard. */
package org.diwan.moderation;
