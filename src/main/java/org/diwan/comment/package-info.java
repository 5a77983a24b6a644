/**
 * Reader comments: posting and importing them, the immutable record, status pages, public listing
 * and commenters' personal data.
 */
package org.diwan.comment;
