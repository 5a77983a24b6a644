package org.diwan.metrics;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresMetricsTest extends MetricsContract {}
