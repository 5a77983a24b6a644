/** The community guidelines: the codes a moderator rejects with, and their texts per language. */
package org.diwan.guideline;
