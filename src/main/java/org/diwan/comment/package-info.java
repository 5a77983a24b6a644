/** Reader comments: submission, the immutable comment record, its status and public listing. */
package org.diwan.comment;
