/** The demo site seeded on a first start, and the sample data the load tests generate. */
package org.diwan.demo;
