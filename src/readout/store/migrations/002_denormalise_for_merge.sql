-- Merging reads an event's reports many times per article: keep what it needs on the
-- mentions and claims themselves, so it never scans the (large) articles table.
ALTER TABLE mentions ADD COLUMN doc VARCHAR;
ALTER TABLE mentions ADD COLUMN outlet VARCHAR;
ALTER TABLE mentions ADD COLUMN published DATE;
ALTER TABLE mentions ADD COLUMN article_seq INTEGER;
ALTER TABLE claims ADD COLUMN event_id VARCHAR;
ALTER TABLE events ADD COLUMN first_published DATE;

UPDATE mentions SET doc = a.doc, outlet = coalesce(a.outlet, a.doc), published = a.published,
       article_seq = a.seq
FROM articles a WHERE a.id = mentions.article_id;
UPDATE claims SET event_id = m.event_id FROM mentions m WHERE m.id = claims.mention_id;
UPDATE events SET first_published = (
    SELECT min(m.published) FROM mentions m WHERE m.event_id = events.id);
