-- 0001: reports, their places and claims, events, stories, full-text search.
-- The same model as the SQLite backend: each row keeps its whole domain
-- value as JSON text in "doc" (so every field round-trips, nulls
-- included) and copies the fields queries filter on into indexed columns.
-- Dates (YYYY-MM-DD) and sort keys compare bytewise (COLLATE "C"), as in
-- SQLite, whatever the cluster's locale.

CREATE TABLE reports (
	rid          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           text NOT NULL UNIQUE,
	url          text,
	outlet       text,
	title        text,
	published    text COLLATE "C",
	language     text NOT NULL DEFAULT '',
	copy_of      text REFERENCES reports(id),
	prev_version text REFERENCES reports(id),
	source_name  text NOT NULL DEFAULT '',
	fetched_at   timestamptz,
	added_at     timestamptz NOT NULL DEFAULT now(),
	signature    bytea,
	doc          text NOT NULL,
	text         text NOT NULL,
	-- Built by the store from diacritic-folded, lower-cased words (see
	-- fts.go), so that index and query split words the same way.
	tsv          tsvector NOT NULL
);
CREATE INDEX reports_url ON reports(url) WHERE url IS NOT NULL;
CREATE INDEX reports_copy_of ON reports(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX reports_tsv ON reports USING gin (tsv);

-- LSH band keys of each report's near-duplicate signature.
CREATE TABLE report_bands (
	band       bigint NOT NULL,
	report_rid bigint NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	PRIMARY KEY (band, report_rid)
);

-- One row per resolved place mention; pkey groups mentions of one place.
CREATE TABLE report_places (
	report_rid  bigint NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	idx         integer NOT NULL,
	pkey        text COLLATE "C" NOT NULL,
	text        text NOT NULL,
	start_at    integer NOT NULL,
	end_at      integer NOT NULL,
	name        text NOT NULL,
	geonames_id integer NOT NULL,
	lat         double precision NOT NULL,
	lon         double precision NOT NULL,
	country     text NOT NULL,
	admin1      text NOT NULL,
	admin2      text NOT NULL,
	feature     text NOT NULL,
	population  bigint NOT NULL,
	PRIMARY KEY (report_rid, idx)
);
CREATE INDEX report_places_by_key ON report_places(pkey);
CREATE INDEX report_places_country ON report_places(country);

CREATE TABLE stories (
	rid          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id           text NOT NULL UNIQUE,
	key          text NOT NULL UNIQUE,
	related_key  text NOT NULL DEFAULT '',
	stage        text NOT NULL,
	initiator_id text,
	target_id    text,
	action       text NOT NULL,
	doc          text NOT NULL
);
CREATE INDEX stories_related ON stories(related_key);

CREATE TABLE events (
	rid                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id                  text NOT NULL UNIQUE,
	action_class        text NOT NULL,
	event_type          text NOT NULL,
	sub_event_type      text NOT NULL,
	stage               text NOT NULL,
	certainty           text NOT NULL,
	actor1_id           text,
	actor2_id           text,
	country             text,
	lat                 double precision,
	lon                 double precision,
	date_key            text COLLATE "C" NOT NULL,
	win_from            text COLLATE "C",
	win_to              text COLLATE "C",
	independent_sources integer NOT NULL,
	story_rid           bigint REFERENCES stories(rid),
	doc                 text NOT NULL
);
CREATE INDEX events_window ON events(action_class, country, win_from);
CREATE INDEX events_order ON events(date_key, rid);
CREATE INDEX events_story ON events(story_rid);

CREATE TABLE claims (
	rid            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id             text NOT NULL UNIQUE,
	report_rid     bigint NOT NULL REFERENCES reports(rid) ON DELETE CASCADE,
	idx            integer NOT NULL,
	event_rid      bigint REFERENCES events(rid),
	story_rid      bigint REFERENCES stories(rid),
	event_type     text NOT NULL,
	sub_event_type text NOT NULL,
	action         text NOT NULL,
	stage          text NOT NULL CHECK (stage IN ('discussed','threatened','proposed','authorized','conducted','denied','called_off')),
	certainty      text NOT NULL CHECK (certainty IN ('','asserted','hedged','negated','hypothetical')),
	actor1_id      text,
	actor2_id      text,
	country        text,
	lat            double precision,
	lon            double precision,
	date_key       text COLLATE "C" NOT NULL,
	host_consent   text NOT NULL DEFAULT '',
	doc            text NOT NULL,
	UNIQUE (report_rid, idx)
);
CREATE INDEX claims_event ON claims(event_rid);
-- A story's latest claims (SQLite's index on story_rid holds the rowid).
CREATE INDEX claims_story ON claims(story_rid, rid);
CREATE INDEX claims_order ON claims(date_key, rid);
CREATE INDEX claims_country ON claims(country);
-- What a story's history is rebuilt from, each in index order (rid last,
-- as SQLite's indexes end in the rowid) so that LIMIT stops early.
CREATE INDEX claims_story_stage ON claims(story_rid, stage, date_key, rid);
CREATE INDEX claims_story_consent ON claims(story_rid, date_key, rid) WHERE host_consent <> '';

-- Small key/value state for other parts (e.g. feed ETags).
CREATE TABLE kv (
	key   text PRIMARY KEY,
	value bytea NOT NULL
);
