/**
 * The append-only audit log of what staff and policies did, written from the other modules' events.
 */
package org.diwan.audit;
