package org.diwan.wordlist;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteWordListRefreshTest extends WordListRefreshContract {}
