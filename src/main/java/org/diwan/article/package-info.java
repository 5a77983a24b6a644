/** Articles, tags and photos: the public pages readers come for, and the JSON API over them. */
package org.diwan.article;
