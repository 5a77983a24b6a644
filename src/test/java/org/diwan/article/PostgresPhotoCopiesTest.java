package org.diwan.article;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresPhotoCopiesTest extends PhotoCopiesContract {}
