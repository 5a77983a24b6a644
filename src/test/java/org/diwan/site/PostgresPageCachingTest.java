package org.diwan.site;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresPageCachingTest extends PageCachingContract {}
