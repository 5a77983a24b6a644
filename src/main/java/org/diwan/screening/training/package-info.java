/** Reading the labelled datasets, training the screening model and measuring it. */
package org.diwan.screening.training;
