package org.diwan.comment;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresWordListRefreshTest extends WordListRefreshContract {}
