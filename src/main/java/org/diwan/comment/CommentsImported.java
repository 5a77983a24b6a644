package org.diwan.comment;

import java.util.List;

/** Comments were stored by {@link CommentImport}; {@code ids} are theirs, in the same order. */
public record CommentsImported(List<ImportedComment> comments, List<Long> ids) {}
