package org.diwan.demo.internal;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteSampleDataTest extends SampleDataContract {}
