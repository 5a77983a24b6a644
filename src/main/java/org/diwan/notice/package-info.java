/** E-mail notices to commenters: an outbox written with the decision, sent in the background. */
package org.diwan.notice;
