/** Offline screening of reader comments against the community guidelines: plain Java, no I/O. */
package org.diwan.screening;
