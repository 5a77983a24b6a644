package org.diwan.moderation;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteAppealTest extends AppealContract {}
