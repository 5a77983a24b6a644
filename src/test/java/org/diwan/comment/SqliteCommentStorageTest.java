package org.diwan.comment;

import org.diwan.support.OnSqlite;

@OnSqlite
class SqliteCommentStorageTest extends CommentStorageContract {}
