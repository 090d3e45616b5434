-- 0003: indexes that answer every candidate-event lookup of AddExtraction
-- from the index alone, in the order it reads them. Before, the window
-- lookup read each event row (and its long JSON document) to test win_to,
-- and lookups without a country or a date sorted all events of a class.

-- Readers never filter on action_class, and the lookups below replace it.
DROP INDEX events_candidates;
DROP INDEX events_window;

-- A country (or none) and a date window; undated events (win_from NULL)
-- newest first.
CREATE INDEX events_window ON events(action_class, country, win_from, rid, win_to);
-- The same for a claim that names no country. Ties come in the order
-- this lookup has always given them (it sorted a scan of the index
-- dropped above), since an equal score goes to the first candidate.
CREATE INDEX events_class_window ON events(action_class, win_from DESC, country, date_key, rid, win_to);
CREATE INDEX events_class_undated ON events(action_class, rid, win_from) WHERE win_from IS NULL;
-- Undated claims in undated reports: the newest events of the class.
CREATE INDEX events_class_country ON events(action_class, country);
CREATE INDEX events_class ON events(action_class);
