/**
 * Articles, tags and photos: the public pages and feeds, the editor's console, and the JSON API
 * over them.
 */
package org.diwan.article;
