package org.diwan.wordlist;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresWordListRefreshTest extends WordListRefreshContract {}
