package org.diwan.moderation;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresAppealTest extends AppealContract {}
