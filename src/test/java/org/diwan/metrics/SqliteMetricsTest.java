package org.diwan.metrics;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteMetricsTest extends MetricsContract {}
