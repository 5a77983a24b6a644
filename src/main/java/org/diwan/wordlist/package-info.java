/** The screening word lists as admins edit them, and the running engine that screens with them. */
package org.diwan.wordlist;
