package org.diwan.comment;

import org.diwan.support.OnPostgres;

@OnPostgres
class PostgresCommentStorageTest extends CommentStorageContract {}
