package org.diwan.moderation;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresReportsTest extends ReportsContract {}
