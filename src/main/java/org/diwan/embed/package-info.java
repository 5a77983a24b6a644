/**
 * The embed: Diwan's comment section inside another site's pages, for the origins an admin allows,
 * with each host story kept as an external article.
 */
package org.diwan.embed;
