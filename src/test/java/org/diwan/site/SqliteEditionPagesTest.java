package org.diwan.site;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteEditionPagesTest extends EditionPagesContract {}
