/**
 * The guideline screening engine, plain Java with no Spring and no database: it reads its shipped
 * model and lists from the classpath and the training data from files.
 */
package org.diwan.screening;
