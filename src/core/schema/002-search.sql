-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lianluo schema, version 2: full-text search (ll-search.c) over cases,
-- people and stations.
--
-- What is searchable:
--
--   cases     serial, title, body, constituent_name
--   people    name, unit, post, constituency
--   stations  name, address
--
-- Phone numbers and the constituent's address are personal data and are
-- deliberately not searchable: a substring search over them would let
-- anyone at the desk list who lives where or whose number ends in 1234.
-- Staff find a constituent's case by name, serial or what it is about.
--
-- How (see ll-search.c for the query side):
--
--   * one FTS5 table per entity with the trigram tokenizer
--     (case_sensitive 1), an external-content table whose content is a
--     view over the base table, so the text is stored only once;
--   * the view, and the triggers below, index each column as
--     lower(column) || char(10, 10): lower() folds A–Z exactly as the
--     query side folds the query (SQLite's own lower(), applied to both),
--     and the two newlines make every character of the text start a
--     trigram, so that 1- and 2-character queries are answered from the
--     index through the fts5vocab "instance" tables (all trigrams that
--     begin with the query) instead of scanning the base table. A query
--     word never contains white space, so it never matches across the
--     newlines;
--   * triggers keep the index in step: after insert, after delete, and
--     after an update that really changed an indexed column.
--
-- Writing cost: FTS5 flushes its pending index at the end of every
-- statement, so bulk loads (the demo generator) should insert many rows
-- per statement.

CREATE VIEW cases_search_text AS
  SELECT id,
         lower(serial) || char(10, 10) AS serial,
         lower(title) || char(10, 10) AS title,
         lower(body) || char(10, 10) AS body,
         lower(constituent_name) || char(10, 10) AS constituent_name
    FROM cases;

CREATE VIRTUAL TABLE cases_fts USING fts5 (
  serial, title, body, constituent_name,
  content = 'cases_search_text',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE cases_fts_instances USING fts5vocab (cases_fts, instance);

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts (rowid, serial, title, body, constituent_name)
    VALUES (NEW.id,
            lower(NEW.serial) || char(10, 10),
            lower(NEW.title) || char(10, 10),
            lower(NEW.body) || char(10, 10),
            lower(NEW.constituent_name) || char(10, 10));
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, serial, title, body, constituent_name)
    VALUES ('delete', OLD.id,
            lower(OLD.serial) || char(10, 10),
            lower(OLD.title) || char(10, 10),
            lower(OLD.body) || char(10, 10),
            lower(OLD.constituent_name) || char(10, 10));
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF serial, title, body, constituent_name ON cases
  WHEN OLD.serial IS NOT NEW.serial OR OLD.title IS NOT NEW.title
       OR OLD.body IS NOT NEW.body OR OLD.constituent_name IS NOT NEW.constituent_name
BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, serial, title, body, constituent_name)
    VALUES ('delete', OLD.id,
            lower(OLD.serial) || char(10, 10),
            lower(OLD.title) || char(10, 10),
            lower(OLD.body) || char(10, 10),
            lower(OLD.constituent_name) || char(10, 10));
  INSERT INTO cases_fts (rowid, serial, title, body, constituent_name)
    VALUES (NEW.id,
            lower(NEW.serial) || char(10, 10),
            lower(NEW.title) || char(10, 10),
            lower(NEW.body) || char(10, 10),
            lower(NEW.constituent_name) || char(10, 10));
END;

CREATE VIEW people_search_text AS
  SELECT id,
         lower(name) || char(10, 10) AS name,
         lower(unit) || char(10, 10) AS unit,
         lower(post) || char(10, 10) AS post,
         lower(constituency) || char(10, 10) AS constituency
    FROM people;

CREATE VIRTUAL TABLE people_fts USING fts5 (
  name, unit, post, constituency,
  content = 'people_search_text',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE people_fts_instances USING fts5vocab (people_fts, instance);

CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
  INSERT INTO people_fts (rowid, name, unit, post, constituency)
    VALUES (NEW.id,
            lower(NEW.name) || char(10, 10),
            lower(NEW.unit) || char(10, 10),
            lower(NEW.post) || char(10, 10),
            lower(NEW.constituency) || char(10, 10));
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
  INSERT INTO people_fts (people_fts, rowid, name, unit, post, constituency)
    VALUES ('delete', OLD.id,
            lower(OLD.name) || char(10, 10),
            lower(OLD.unit) || char(10, 10),
            lower(OLD.post) || char(10, 10),
            lower(OLD.constituency) || char(10, 10));
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, unit, post, constituency ON people
  WHEN OLD.name IS NOT NEW.name OR OLD.unit IS NOT NEW.unit
       OR OLD.post IS NOT NEW.post OR OLD.constituency IS NOT NEW.constituency
BEGIN
  INSERT INTO people_fts (people_fts, rowid, name, unit, post, constituency)
    VALUES ('delete', OLD.id,
            lower(OLD.name) || char(10, 10),
            lower(OLD.unit) || char(10, 10),
            lower(OLD.post) || char(10, 10),
            lower(OLD.constituency) || char(10, 10));
  INSERT INTO people_fts (rowid, name, unit, post, constituency)
    VALUES (NEW.id,
            lower(NEW.name) || char(10, 10),
            lower(NEW.unit) || char(10, 10),
            lower(NEW.post) || char(10, 10),
            lower(NEW.constituency) || char(10, 10));
END;

CREATE VIEW stations_search_text AS
  SELECT id,
         lower(name) || char(10, 10) AS name,
         lower(address) || char(10, 10) AS address
    FROM stations;

CREATE VIRTUAL TABLE stations_fts USING fts5 (
  name, address,
  content = 'stations_search_text',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 1'
);
CREATE VIRTUAL TABLE stations_fts_instances USING fts5vocab (stations_fts, instance);

CREATE TRIGGER stations_fts_insert AFTER INSERT ON stations BEGIN
  INSERT INTO stations_fts (rowid, name, address)
    VALUES (NEW.id,
            lower(NEW.name) || char(10, 10),
            lower(NEW.address) || char(10, 10));
END;
CREATE TRIGGER stations_fts_delete AFTER DELETE ON stations BEGIN
  INSERT INTO stations_fts (stations_fts, rowid, name, address)
    VALUES ('delete', OLD.id,
            lower(OLD.name) || char(10, 10),
            lower(OLD.address) || char(10, 10));
END;
CREATE TRIGGER stations_fts_update AFTER UPDATE OF name, address ON stations
  WHEN OLD.name IS NOT NEW.name OR OLD.address IS NOT NEW.address
BEGIN
  INSERT INTO stations_fts (stations_fts, rowid, name, address)
    VALUES ('delete', OLD.id,
            lower(OLD.name) || char(10, 10),
            lower(OLD.address) || char(10, 10));
  INSERT INTO stations_fts (rowid, name, address)
    VALUES (NEW.id,
            lower(NEW.name) || char(10, 10),
            lower(NEW.address) || char(10, 10));
END;

-- Index what is already there.
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');
INSERT INTO people_fts (people_fts) VALUES ('rebuild');
INSERT INTO stations_fts (stations_fts) VALUES ('rebuild');
