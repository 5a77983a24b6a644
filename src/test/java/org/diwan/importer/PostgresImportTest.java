package org.diwan.importer;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresImportTest extends ImportContract {}
