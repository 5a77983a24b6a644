/** The second screening stage's internals: the sentence encoder, its heads and the stacking. */
package org.diwan.screening.encoder;
