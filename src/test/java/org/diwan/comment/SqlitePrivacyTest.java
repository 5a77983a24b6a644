package org.diwan.comment;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqlitePrivacyTest extends PrivacyContract {}
