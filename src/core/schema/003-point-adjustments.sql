-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lianluo schema, version 3: point adjustments (ll-points.c).
--
-- Most of a deputy's performance points (履职积分) follow from what the
-- database already records: activities and attendance, cases collected,
-- suggestions, supervised projects. Two items of every office's rules
-- (积分管理办法) have no record of their own: commendations (表彰, e.g.
-- "受到市级以上表彰的，每次加5分") and deductions that staff decide
-- (扣分, e.g. for breaking the station's rules). They are entered here,
-- one row each, with the date that puts them in a year and a quarter.
--
-- item names the point rule that scores the row ('commendation',
-- 'deduction', or any item the office adds to point_rules); points is
-- the value decided for this row, or NULL for the rule's points per
-- occurrence.

CREATE TABLE point_adjustments (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  awarded_on  TEXT NOT NULL CHECK (date(awarded_on, '+0 days') IS awarded_on),
  item        TEXT NOT NULL CHECK (trim(item) <> '' AND item NOT GLOB '*[^a-z0-9_]*'),
  points      REAL,
  reason      TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX point_adjustments_awarded ON point_adjustments (awarded_on, person_id);
CREATE INDEX point_adjustments_person ON point_adjustments (person_id, awarded_on);

CREATE TRIGGER point_adjustments_log_insert AFTER INSERT ON point_adjustments
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_adjustments', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER point_adjustments_log_update AFTER UPDATE ON point_adjustments
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_adjustments', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER point_adjustments_log_delete AFTER DELETE ON point_adjustments
  WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_adjustments', OLD.id, 'delete', ll_user(), ll_host());
END;
