package org.diwan.site;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqlitePageCachingTest extends PageCachingContract {}
