package org.diwan.moderation;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresModerationTest extends ModerationContract {}
