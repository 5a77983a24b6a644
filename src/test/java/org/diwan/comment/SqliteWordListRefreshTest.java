package org.diwan.comment;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteWordListRefreshTest extends WordListRefreshContract {}
