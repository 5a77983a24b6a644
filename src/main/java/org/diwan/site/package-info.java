/**
 * What every page and request shares: layout assets, display formats, error answers and request
 * limits.
 */
package org.diwan.site;
