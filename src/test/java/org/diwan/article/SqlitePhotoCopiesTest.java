package org.diwan.article;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqlitePhotoCopiesTest extends PhotoCopiesContract {}
