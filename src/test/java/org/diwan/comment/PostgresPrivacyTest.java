package org.diwan.comment;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresPrivacyTest extends PrivacyContract {}
