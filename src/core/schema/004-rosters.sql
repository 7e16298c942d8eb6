-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lianluo schema, version 4: reception rosters (接待日排班, ll-roster-store.c).
--
-- A station receives voters on fixed days of the month (stations.
-- reception_days, '10,18'). Staff decide who of the station's people is
-- on duty on each of those days. After the day, each person on the
-- roster gets an attendance (present / leave / absent), and recording
-- the day makes it a 'reception' activity with those participants, so
-- that the points (ll-points.c) count it. activity_id is that activity
-- once the day has been recorded.

CREATE TABLE roster_entries (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  station_id   INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  held_on      TEXT NOT NULL CHECK (date(held_on, '+0 days') IS held_on),
  person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  attendance   TEXT CHECK (attendance IS NULL OR attendance IN ('present', 'leave', 'absent')),
  activity_id  INTEGER REFERENCES activities (id) ON DELETE SET NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (station_id, held_on, person_id)
);
CREATE INDEX roster_entries_person ON roster_entries (person_id, held_on);
CREATE INDEX roster_entries_activity ON roster_entries (activity_id)
  WHERE activity_id IS NOT NULL;

CREATE TRIGGER roster_entries_log_insert AFTER INSERT ON roster_entries
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('roster_entries', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER roster_entries_log_update AFTER UPDATE ON roster_entries
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('roster_entries', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER roster_entries_log_delete AFTER DELETE ON roster_entries
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('roster_entries', OLD.id, 'delete', ll_user(), ll_host());
END;

-- For the lists: a station's open cases by status, and an activity's
-- participants with their attendance without reading the rows.
CREATE INDEX cases_station_status ON cases (station_id, status);
CREATE INDEX activity_participants_activity
  ON activity_participants (activity_id, person_id, attendance);
