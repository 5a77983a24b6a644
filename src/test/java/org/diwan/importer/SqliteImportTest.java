package org.diwan.importer;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteImportTest extends ImportContract {}
