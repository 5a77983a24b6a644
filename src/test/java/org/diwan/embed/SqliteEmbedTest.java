package org.diwan.embed;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteEmbedTest extends EmbedContract {}
