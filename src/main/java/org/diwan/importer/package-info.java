/** Importers that bring stories and their comments over from WordPress and Disqus exports. */
package org.diwan.importer;
