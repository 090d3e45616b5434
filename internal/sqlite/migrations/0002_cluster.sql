-- 0002: what event and story assignment looks up inside AddExtraction.

-- An event's date window (YYYY-MM-DD, inclusive; NULL when undated), to
-- find candidate events for a claim with an index.
ALTER TABLE events ADD COLUMN win_from TEXT;
ALTER TABLE events ADD COLUMN win_to TEXT;
CREATE INDEX events_window ON events(action_class, country, win_from);

-- Stories with the same initiator and target are related.
ALTER TABLE stories ADD COLUMN related_key TEXT NOT NULL DEFAULT '';
CREATE INDEX stories_related ON stories(related_key);

-- The claims that can shape a story's history, found without reading all
-- of a story's claims.
ALTER TABLE claims ADD COLUMN host_consent TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_story_stage ON claims(story_rid, stage, date_key);
CREATE INDEX claims_story_consent ON claims(story_rid, date_key) WHERE host_consent <> '';
