/**
 * The community guidelines: the codes a moderator rejects with, their texts per language, and text
 * marked with them.
 */
package org.diwan.guideline;
