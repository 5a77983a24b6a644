-- Language editions (issue 19). Articles telling one story in different languages share a story
-- key (the slug of the first one linked); an article in no such group has none. Edition front
-- pages list one language newest first.
ALTER TABLE article ADD COLUMN story TEXT;
CREATE INDEX article_story ON article (story);
CREATE INDEX article_language_newest ON article (language, published_at DESC, id DESC);
