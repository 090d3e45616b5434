-- 0001: reports, their places and claims, events, stories, full-text search.
-- Each row keeps its whole domain value as JSON in "doc" (so every field
-- round-trips, nulls included) and copies the fields that queries filter on
-- into indexed columns.

CREATE TABLE reports (
	rid          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT,
	outlet       TEXT,
	title        TEXT,
	published    TEXT,
	language     TEXT NOT NULL DEFAULT '',
	copy_of      TEXT REFERENCES reports(id),
	prev_version TEXT REFERENCES reports(id),
	source_name  TEXT NOT NULL DEFAULT '',
	fetched_at   TEXT,
	added_at     TEXT NOT NULL,
	signature    BLOB,
	doc          TEXT NOT NULL,
	text         TEXT NOT NULL
);
CREATE INDEX reports_url ON reports(url) WHERE url IS NOT NULL;
CREATE INDEX reports_copy_of ON reports(copy_of) WHERE copy_of IS NOT NULL;

-- LSH band keys of each report's near-duplicate signature, to find copy
-- candidates with an index instead of comparing all pairs.
CREATE TABLE report_bands (
	band       INTEGER NOT NULL,
	report_rid INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	PRIMARY KEY (band, report_rid)
) WITHOUT ROWID;

-- One row per resolved place mention; pkey groups mentions of one place.
CREATE TABLE report_places (
	report_rid  INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	idx         INTEGER NOT NULL,
	pkey        TEXT NOT NULL,
	text        TEXT NOT NULL,
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	name        TEXT NOT NULL,
	geonames_id INTEGER NOT NULL,
	lat         REAL NOT NULL,
	lon         REAL NOT NULL,
	country     TEXT NOT NULL,
	admin1      TEXT NOT NULL,
	admin2      TEXT NOT NULL,
	feature     TEXT NOT NULL,
	population  INTEGER NOT NULL,
	PRIMARY KEY (report_rid, idx)
);
CREATE INDEX report_places_pkey ON report_places(pkey);
CREATE INDEX report_places_country ON report_places(country);

CREATE TABLE stories (
	rid          INTEGER PRIMARY KEY,
	id           TEXT NOT NULL UNIQUE,
	key          TEXT NOT NULL UNIQUE,
	stage        TEXT NOT NULL,
	initiator_id TEXT,
	target_id    TEXT,
	action       TEXT NOT NULL,
	doc          TEXT NOT NULL
);

CREATE TABLE events (
	rid                 INTEGER PRIMARY KEY,
	id                  TEXT NOT NULL UNIQUE,
	action_class        TEXT NOT NULL,
	event_type          TEXT NOT NULL,
	sub_event_type      TEXT NOT NULL,
	stage               TEXT NOT NULL,
	certainty           TEXT NOT NULL,
	actor1_id           TEXT,
	actor2_id           TEXT,
	country             TEXT,
	lat                 REAL,
	lon                 REAL,
	date_key            TEXT NOT NULL,
	independent_sources INTEGER NOT NULL,
	story_rid           INTEGER REFERENCES stories(rid),
	doc                 TEXT NOT NULL
);
CREATE INDEX events_candidates ON events(action_class, country, date_key);
CREATE INDEX events_order ON events(date_key, rid);

CREATE TABLE claims (
	rid            INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	report_rid     INTEGER NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	event_rid      INTEGER REFERENCES events(rid),
	story_rid      INTEGER REFERENCES stories(rid),
	event_type     TEXT NOT NULL,
	sub_event_type TEXT NOT NULL,
	action         TEXT NOT NULL,
	stage          TEXT NOT NULL CHECK (stage IN ('discussed','threatened','proposed','authorized','conducted','denied','called_off')),
	certainty      TEXT NOT NULL CHECK (certainty IN ('','asserted','hedged','negated','hypothetical')),
	actor1_id      TEXT,
	actor2_id      TEXT,
	country        TEXT,
	lat            REAL,
	lon            REAL,
	date_key       TEXT NOT NULL,
	doc            TEXT NOT NULL,
	UNIQUE (report_rid, idx)
);
CREATE INDEX claims_event ON claims(event_rid);
CREATE INDEX claims_story ON claims(story_rid);
CREATE INDEX claims_order ON claims(date_key, rid);
CREATE INDEX claims_country ON claims(country);

-- Full text of reports; external content, kept in step by the store
-- (reports are never updated in their text).
CREATE VIRTUAL TABLE reports_fts USING fts5(
	title, text,
	content='reports', content_rowid='rid',
	tokenize='unicode61 remove_diacritics 2'
);

-- Small key/value state for other parts (e.g. feed ETags).
CREATE TABLE kv (
	key   TEXT PRIMARY KEY,
	value BLOB NOT NULL
) WITHOUT ROWID;
