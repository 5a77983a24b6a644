package org.diwan.embed;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresEmbedTest extends EmbedContract {}
