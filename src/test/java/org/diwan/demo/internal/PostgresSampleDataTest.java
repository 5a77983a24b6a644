package org.diwan.demo.internal;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresSampleDataTest extends SampleDataContract {}
