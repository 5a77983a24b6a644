/** The application shell: storage, layout, security, errors, feeds and static assets. */
package org.diwan.site;
