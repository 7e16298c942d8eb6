-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Lianluo schema, version 1: the whole domain of ../shared/design/DOMAIN.md.
--
-- Applied by ll-migrations.c inside one transaction, which also sets
-- PRAGMA application_id and PRAGMA user_version. Conventions:
--
--   * ids are INTEGER PRIMARY KEY AUTOINCREMENT: an id is never reused,
--     so change_log and case histories never point at a stranger;
--   * dates are TEXT 'YYYY-MM-DD', checked with date(x, '+0 days') IS x
--     (which also refuses 2025-02-30);
--   * timestamps are TEXT ISO-8601 UTC 'YYYY-MM-DDTHH:MM:SSZ', always
--     written by strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
--   * enumerations are stored as the English keys of DOMAIN.md and
--     checked here;
--   * every editable table has version (optimistic locking: a save is
--     UPDATE ... SET ..., version = version + 1 WHERE id = ? AND version = ?),
--     created_at and updated_at;
--   * triggers append every insert, update and delete of an editable
--     table to change_log with ll_user() and ll_host(), SQL functions that
--     LlDatabase registers on each connection. The file must therefore be
--     written through Lianluo: the sqlite3 shell can read it, but its
--     writes fail with "no such function: ll_user". ll_log_changes() is
--     1 except on a connection filling a new file with generated data
--     (_ll_database_set_log_changes()), which nobody else has open.
--
-- Full-text search arrives in a later migration (002); ids are stable
-- rowids so FTS5 tables can use content_rowid = id.

-- Administrative areas: district (区县) → town or sub-district (乡镇/街道)
-- → community or village (社区/村).
CREATE TABLE areas (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id   INTEGER REFERENCES areas (id) ON DELETE RESTRICT,
  level       TEXT NOT NULL CHECK (level IN ('district', 'town', 'community')),
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  code        TEXT,  -- 行政区划代码, when known
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX areas_parent ON areas (parent_id, name);
CREATE INDEX areas_level ON areas (level, name);

-- Deputy groups (代表小组) and specialty groups (专业小组: 财经, 城建 …).
CREATE TABLE groups (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL CHECK (kind IN ('deputy', 'specialty')),
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  station_id  INTEGER REFERENCES stations (id) ON DELETE SET NULL,
  notes       TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX groups_kind ON groups (kind, name);
CREATE INDEX groups_station ON groups (station_id) WHERE station_id IS NOT NULL;

-- Stations (站点) form a tree: 家 → 站 → 室/点. The station head (站长)
-- and liaison officers (联络员) are memberships with that station_role,
-- not columns here, so there is one truth (see memberships_current_head).
CREATE TABLE stations (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id           INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  kind                TEXT NOT NULL CHECK (kind IN ('home', 'station', 'workstation', 'studio',
                                                    'legislative_point', 'point', 'online')),
  name                TEXT NOT NULL CHECK (trim(name) <> ''),
  area_id             INTEGER REFERENCES areas (id) ON DELETE SET NULL,
  address             TEXT,
  opened_on           TEXT CHECK (opened_on IS NULL OR date(opened_on, '+0 days') IS opened_on),
  floor_area          REAL CHECK (floor_area IS NULL OR floor_area >= 0),  -- square metres
  phone               TEXT,
  -- As staff write it: 每月10日接待选民, 每月18日民情恳谈会.
  reception_schedule  TEXT,
  -- Machine-readable reception days of the month, comma-separated: '10,18'.
  reception_days      TEXT CHECK (reception_days IS NULL
                                  OR (reception_days <> ''
                                      AND reception_days NOT GLOB '*[^0-9,]*')),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  archived_at         TEXT CHECK (archived_at IS NULL
                                  OR strftime('%Y-%m-%dT%H:%M:%SZ', archived_at, '+0 seconds')
                                     IS archived_at),
  notes               TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX stations_parent ON stations (parent_id, name);
CREATE INDEX stations_name ON stations (name);
CREATE INDEX stations_kind ON stations (kind, name);
CREATE INDEX stations_area ON stations (area_id) WHERE area_id IS NOT NULL;
CREATE INDEX stations_active ON stations (active, name);

-- People: deputies of the five levels and the other roles that work in
-- stations (选民代表, 议政会成员, 三官一员, 民情观察员, experts).
CREATE TABLE people (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT NOT NULL CHECK (trim(name) <> ''),
  gender              TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
  ethnicity           TEXT,  -- 民族, as written: 汉族
  birth_date          TEXT CHECK (birth_date IS NULL OR date(birth_date, '+0 days') IS birth_date),
  party               TEXT,  -- 中共党员, 民盟盟员, 群众 …
  role                TEXT NOT NULL DEFAULT 'deputy'
                      CHECK (role IN ('deputy', 'voter_representative', 'council_member',
                                      'police_officer', 'judge', 'procurator',
                                      'judicial_assistant', 'observer', 'expert')),
  level               TEXT CHECK (level IS NULL
                                  OR level IN ('national', 'provincial', 'city', 'county',
                                               'township')),
  term                TEXT,  -- 届次: 第十七届
  constituency        TEXT,  -- 选区
  unit                TEXT,  -- 工作单位
  post                TEXT,  -- 职务
  occupation          TEXT,  -- 一线工人/农民, 专业技术人员, 领导干部 …
  phone               TEXT,
  deputy_group_id     INTEGER REFERENCES groups (id) ON DELETE SET NULL,
  specialty_group_id  INTEGER REFERENCES groups (id) ON DELETE SET NULL,
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  archived_at         TEXT CHECK (archived_at IS NULL
                                  OR strftime('%Y-%m-%dT%H:%M:%SZ', archived_at, '+0 seconds')
                                     IS archived_at),
  notes               TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- Only deputies have a level (a deputy's may still be unknown).
  CHECK (role = 'deputy' OR level IS NULL)
);
CREATE INDEX people_name ON people (name, id);
CREATE INDEX people_role ON people (role, name);
CREATE INDEX people_level ON people (level, name) WHERE level IS NOT NULL;
CREATE INDEX people_deputy_group ON people (deputy_group_id, name)
  WHERE deputy_group_id IS NOT NULL;
CREATE INDEX people_specialty_group ON people (specialty_group_id, name)
  WHERE specialty_group_id IS NOT NULL;
CREATE INDEX people_active ON people (active, name);

-- Who is stationed where (驻站), and as what. A membership is current
-- while to_date IS NULL; ending it sets to_date (after an election,
-- 换届后重新编组, all current memberships end and new ones begin).
CREATE TABLE memberships (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id     INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  station_id    INTEGER NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
  station_role  TEXT NOT NULL DEFAULT 'member'
                CHECK (station_role IN ('member', 'head', 'liaison_officer')),
  is_primary    INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  from_date     TEXT CHECK (from_date IS NULL OR date(from_date, '+0 days') IS from_date),
  to_date       TEXT CHECK (to_date IS NULL OR date(to_date, '+0 days') IS to_date),
  notes         TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);
-- A person is stationed once per station at a time …
CREATE UNIQUE INDEX memberships_current_person_station
  ON memberships (person_id, station_id) WHERE to_date IS NULL;
-- … has at most one current primary station …
CREATE UNIQUE INDEX memberships_current_primary
  ON memberships (person_id) WHERE to_date IS NULL AND is_primary = 1;
-- … and a station has at most one current head (站长).
CREATE UNIQUE INDEX memberships_current_head
  ON memberships (station_id) WHERE to_date IS NULL AND station_role = 'head';
CREATE INDEX memberships_station ON memberships (station_id, to_date, person_id);
CREATE INDEX memberships_person ON memberships (person_id, to_date, station_id);

-- 挂钩联系: the fixed contacts a deputy is linked to ("六联").
CREATE TABLE pairings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('left_behind_child', 'low_income_household', 'farmer',
                                            'small_business', 'village', 'school', 'hospital',
                                            'former_deputy', 'other')),
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  contact     TEXT,  -- contact person and/or phone
  address     TEXT,
  since       TEXT CHECK (since IS NULL OR date(since, '+0 days') IS since),
  ended_on    TEXT CHECK (ended_on IS NULL OR date(ended_on, '+0 days') IS ended_on),
  notes       TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX pairings_person ON pairings (person_id, kind);
CREATE INDEX pairings_kind ON pairings (kind, name);

-- 承办单位: the departments and offices cases are handed to.
CREATE TABLE departments (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
  contact_person  TEXT,
  phone           TEXT,
  address         TEXT,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX departments_active ON departments (active, name);

-- Constituent cases (群众诉求 / 意见建议). serial is 'YYYY-NNNN', unique
-- per year; its parts are year and seq.
CREATE TABLE cases (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  year                 INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
  seq                  INTEGER NOT NULL CHECK (seq >= 1),
  serial               TEXT NOT NULL UNIQUE CHECK (serial IS printf('%04d-%04d', year, seq)),
  title                TEXT NOT NULL CHECK (trim(title) <> ''),
  body                 TEXT,
  received_on          TEXT NOT NULL CHECK (date(received_on, '+0 days') IS received_on),
  source               TEXT NOT NULL DEFAULT 'other'
                       CHECK (source IN ('reception_day', 'visit', 'forum', 'phone', 'wechat',
                                         'photo_report', 'letter', 'legislative_consultation',
                                         'other')),
  station_id           INTEGER NOT NULL REFERENCES stations (id) ON DELETE RESTRICT,
  -- Personal data: never exported without the user asking for it.
  constituent_name     TEXT,
  constituent_phone    TEXT,
  constituent_address  TEXT,
  category             TEXT NOT NULL DEFAULT 'other'
                       CHECK (category IN ('urban_construction', 'transport', 'environment',
                                           'property_management', 'education', 'health',
                                           'elderly_care', 'employment', 'social_security',
                                           'public_security', 'legal', 'other')),
  -- 共性问题: a common issue that individual cases are merged into.
  is_common            INTEGER NOT NULL DEFAULT 0 CHECK (is_common IN (0, 1)),
  merged_into_id       INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  fast_track           INTEGER NOT NULL DEFAULT 0 CHECK (fast_track IN (0, 1)),  -- 绿色通道
  status               TEXT NOT NULL DEFAULT 'registered'
                       CHECK (status IN ('registered', 'assigned', 'in_progress', 'replied',
                                         'closed')),
  handling_mode        TEXT CHECK (handling_mode IS NULL
                                   OR handling_mode IN ('on_the_spot', 'subdistrict', 'department',
                                                        'escalated')),
  department_id        INTEGER REFERENCES departments (id) ON DELETE RESTRICT,
  assigned_on          TEXT CHECK (assigned_on IS NULL
                                   OR date(assigned_on, '+0 days') IS assigned_on),
  deadline             TEXT CHECK (deadline IS NULL OR date(deadline, '+0 days') IS deadline),
  reply_text           TEXT,
  replied_on           TEXT CHECK (replied_on IS NULL OR date(replied_on, '+0 days') IS replied_on),
  satisfaction         TEXT CHECK (satisfaction IS NULL
                                   OR satisfaction IN ('satisfied', 'basically_satisfied',
                                                       'dissatisfied')),
  follow_up_note       TEXT,  -- 回访
  closed_on            TEXT CHECK (closed_on IS NULL OR date(closed_on, '+0 days') IS closed_on),
  look_back            INTEGER NOT NULL DEFAULT 0 CHECK (look_back IN (0, 1)),  -- 回头看
  version              INTEGER NOT NULL DEFAULT 1,
  created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (year, seq),
  CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
CREATE INDEX cases_received ON cases (received_on DESC, id DESC);
CREATE INDEX cases_status ON cases (status, received_on DESC);
CREATE INDEX cases_category ON cases (category, received_on DESC);
CREATE INDEX cases_station ON cases (station_id, received_on DESC);
CREATE INDEX cases_department ON cases (department_id, received_on DESC)
  WHERE department_id IS NOT NULL;
-- Overdue: status IN ('assigned', 'in_progress') AND deadline < today.
CREATE INDEX cases_status_deadline ON cases (status, deadline);
CREATE INDEX cases_merged_into ON cases (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX cases_common ON cases (received_on DESC) WHERE is_common = 1;
CREATE INDEX cases_fast_track ON cases (received_on DESC) WHERE fast_track = 1;
CREATE INDEX cases_look_back ON cases (received_on DESC) WHERE look_back = 1;
-- (year, seq) is indexed by its UNIQUE constraint.

-- The deputies who received a case.
CREATE TABLE case_deputies (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (case_id, person_id)
);
CREATE INDEX case_deputies_person ON case_deputies (person_id, case_id);

-- A case's readable history. Append-only: no version.
CREATE TABLE case_events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  user         TEXT NOT NULL DEFAULT (ll_user()),
  host         TEXT NOT NULL DEFAULT (ll_host()),
  kind         TEXT NOT NULL CHECK (trim(kind) <> ''),  -- defined by ll-case-workflow
  from_status  TEXT CHECK (from_status IS NULL
                           OR from_status IN ('registered', 'assigned', 'in_progress', 'replied',
                                              'closed')),
  to_status    TEXT CHECK (to_status IS NULL
                           OR to_status IN ('registered', 'assigned', 'in_progress', 'replied',
                                            'closed')),
  detail       TEXT
);
CREATE INDEX case_events_case ON case_events (case_id, at, id);

-- Attachments of a case or an activity (photos, scanned letters, PDFs).
-- The bytes live in attachment_data so that lists never read blobs.
CREATE TABLE attachments (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id      INTEGER REFERENCES cases (id) ON DELETE CASCADE,
  activity_id  INTEGER REFERENCES activities (id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL CHECK (trim(file_name) <> ''),
  mime_type    TEXT,
  size         INTEGER NOT NULL CHECK (size >= 0),
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  note         TEXT,
  added_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  added_by     TEXT NOT NULL DEFAULT (ll_user()),
  added_host   TEXT NOT NULL DEFAULT (ll_host()),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  -- Exactly one owner.
  CHECK ((case_id IS NULL) <> (activity_id IS NULL))
);
CREATE INDEX attachments_case ON attachments (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX attachments_activity ON attachments (activity_id, id) WHERE activity_id IS NOT NULL;

CREATE TABLE attachment_data (
  attachment_id  INTEGER PRIMARY KEY REFERENCES attachments (id) ON DELETE CASCADE,
  data           BLOB NOT NULL
);

-- Deputy activities (履职活动).
CREATE TABLE activities (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  held_on             TEXT NOT NULL CHECK (date(held_on, '+0 days') IS held_on),
  type                TEXT NOT NULL
                      CHECK (type IN ('reception', 'visit', 'research', 'inspection',
                                      'law_enforcement_check', 'training', 'group_activity',
                                      'report_to_voters', 'attend_meeting',
                                      'legislative_consultation', 'work_evaluation',
                                      'project_supervision', 'congress_session', 'other')),
  subtype             TEXT,  -- 六进 / 六请, as written
  station_id          INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  title               TEXT NOT NULL CHECK (trim(title) <> ''),
  location            TEXT,
  people_received     INTEGER NOT NULL DEFAULT 0 CHECK (people_received >= 0),     -- 人次
  opinions_collected  INTEGER NOT NULL DEFAULT 0 CHECK (opinions_collected >= 0),
  summary             TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX activities_held ON activities (held_on DESC, id DESC);
CREATE INDEX activities_station ON activities (station_id, held_on DESC);
CREATE INDEX activities_type ON activities (type, held_on DESC);

CREATE TABLE activity_participants (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  activity_id  INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
  person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  attendance   TEXT NOT NULL DEFAULT 'present' CHECK (attendance IN ('present', 'leave', 'absent')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (activity_id, person_id)
);
CREATE INDEX activity_participants_person ON activity_participants (person_id, activity_id);

-- 积分管理办法: points per year and item. item is an activity-type key or
-- one of 'case_collected', 'case_resolved', 'suggestion', 'motion',
-- 'absence' …; attendance NULL means "whatever the attendance".
CREATE TABLE point_rules (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  year          INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
  item          TEXT NOT NULL CHECK (trim(item) <> '' AND item NOT GLOB '*[^a-z0-9_]*'),
  attendance    TEXT CHECK (attendance IS NULL OR attendance IN ('present', 'leave', 'absent')),
  points        REAL NOT NULL,
  max_per_year  REAL CHECK (max_per_year IS NULL OR max_per_year >= 0),  -- a cap, if any
  description   TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX point_rules_item ON point_rules (year, item, coalesce(attendance, ''));

-- Deputy suggestions and motions (代表建议 / 议案) to a congress session.
CREATE TABLE suggestions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  year            INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
  session         TEXT,  -- 第十七届人民代表大会第三次会议
  kind            TEXT NOT NULL DEFAULT 'suggestion' CHECK (kind IN ('suggestion', 'motion')),
  number          TEXT,  -- the number the congress gave it
  title           TEXT NOT NULL CHECK (trim(title) <> ''),
  body            TEXT,
  lead_person_id  INTEGER REFERENCES people (id) ON DELETE RESTRICT,
  department_id   INTEGER REFERENCES departments (id) ON DELETE RESTRICT,
  submitted_on    TEXT CHECK (submitted_on IS NULL
                              OR date(submitted_on, '+0 days') IS submitted_on),
  answered_on     TEXT CHECK (answered_on IS NULL OR date(answered_on, '+0 days') IS answered_on),
  answer_class    TEXT CHECK (answer_class IS NULL OR answer_class IN ('A', 'B', 'C')),
  satisfaction    TEXT CHECK (satisfaction IS NULL
                              OR satisfaction IN ('satisfied', 'basically_satisfied',
                                                  'dissatisfied')),
  look_back       INTEGER NOT NULL DEFAULT 0 CHECK (look_back IN (0, 1)),
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX suggestions_year ON suggestions (year DESC, kind, id);
CREATE INDEX suggestions_lead ON suggestions (lead_person_id) WHERE lead_person_id IS NOT NULL;
CREATE INDEX suggestions_department ON suggestions (department_id) WHERE department_id IS NOT NULL;

CREATE TABLE suggestion_authors (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  suggestion_id  INTEGER NOT NULL REFERENCES suggestions (id) ON DELETE CASCADE,
  person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (suggestion_id, person_id)
);
CREATE INDEX suggestion_authors_person ON suggestion_authors (person_id, suggestion_id);

-- Livelihood projects (民生实事项目): voted on, then supervised.
CREATE TABLE projects (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  year           INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
  title          TEXT NOT NULL CHECK (trim(title) <> ''),
  description    TEXT,
  department_id  INTEGER REFERENCES departments (id) ON DELETE RESTRICT,
  status         TEXT NOT NULL DEFAULT 'candidate'
                 CHECK (status IN ('candidate', 'selected', 'not_selected', 'in_progress',
                                   'completed')),
  notes          TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX projects_year ON projects (year DESC, status);
CREATE INDEX projects_department ON projects (department_id) WHERE department_id IS NOT NULL;

CREATE TABLE project_votes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  vote        TEXT NOT NULL CHECK (vote IN ('for', 'against', 'abstain')),
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (project_id, person_id)
);
CREATE INDEX project_votes_person ON project_votes (person_id);

CREATE TABLE project_supervisors (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (project_id, person_id)
);
CREATE INDEX project_supervisors_person ON project_supervisors (person_id);

CREATE TABLE project_progress (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id   INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  reported_on  TEXT CHECK (reported_on IS NULL OR date(reported_on, '+0 days') IS reported_on),
  report       TEXT NOT NULL CHECK (trim(report) <> ''),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX project_progress_project ON project_progress (project_id, quarter);

-- Legislative consultations (立法征求意见) and the opinions collected.
CREATE TABLE consultations (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  title         TEXT NOT NULL CHECK (trim(title) <> ''),
  draft         TEXT,  -- the draft's text or where to find it
  station_id    INTEGER REFERENCES stations (id) ON DELETE RESTRICT,
  received_on   TEXT CHECK (received_on IS NULL OR date(received_on, '+0 days') IS received_on),
  deadline      TEXT CHECK (deadline IS NULL OR date(deadline, '+0 days') IS deadline),
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'submitted')),
  summary       TEXT,  -- what was sent up
  submitted_on  TEXT CHECK (submitted_on IS NULL OR date(submitted_on, '+0 days') IS submitted_on),
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX consultations_deadline ON consultations (status, deadline);
CREATE INDEX consultations_station ON consultations (station_id) WHERE station_id IS NOT NULL;

CREATE TABLE consultation_opinions (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  consultation_id   INTEGER NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  article           TEXT,  -- 第十二条
  body              TEXT NOT NULL CHECK (trim(body) <> ''),
  person_id         INTEGER REFERENCES people (id) ON DELETE SET NULL,
  contributor_name  TEXT,  -- when the contributor is not in people
  station_id        INTEGER REFERENCES stations (id) ON DELETE SET NULL,
  received_on       TEXT CHECK (received_on IS NULL OR date(received_on, '+0 days') IS received_on),
  adopted           INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1)),  -- 采纳
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX consultation_opinions_consultation
  ON consultation_opinions (consultation_id, article, id);
CREATE INDEX consultation_opinions_person ON consultation_opinions (person_id)
  WHERE person_id IS NOT NULL;
CREATE INDEX consultation_opinions_station ON consultation_opinions (station_id)
  WHERE station_id IS NOT NULL;

-- Printed documents that were filed (归档).
CREATE TABLE filed_documents (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL CHECK (trim(kind) <> '' AND kind NOT GLOB '*[^a-z0-9_]*'),
  title        TEXT NOT NULL CHECK (trim(title) <> ''),
  period_from  TEXT CHECK (period_from IS NULL OR date(period_from, '+0 days') IS period_from),
  period_to    TEXT CHECK (period_to IS NULL OR date(period_to, '+0 days') IS period_to),
  path         TEXT NOT NULL CHECK (path <> ''),
  sha256       TEXT CHECK (sha256 IS NULL
                           OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
  params       TEXT CHECK (params IS NULL OR json_valid(params)),  -- JSON object
  filed_by     TEXT NOT NULL DEFAULT (ll_user()),
  filed_host   TEXT NOT NULL DEFAULT (ll_host()),
  filed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from)
);
CREATE INDEX filed_documents_filed ON filed_documents (filed_at DESC, id DESC);
CREATE INDEX filed_documents_kind ON filed_documents (kind, period_from DESC);

-- Settings shared by everyone using the file (office name, …).
CREATE TABLE settings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT NOT NULL UNIQUE CHECK (trim(key) <> ''),
  value       TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every insert, update and delete of an editable table: the audit trail
-- (who, from which machine, when, what) and what LlDatabase::changed
-- reports. seq never goes back (AUTOINCREMENT).
CREATE TABLE change_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl     TEXT NOT NULL,
  row_id  INTEGER NOT NULL,
  op      TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  user    TEXT,
  host    TEXT,
  at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX change_log_row ON change_log (tbl, row_id, seq);

-- Who has the file open: one row per open LlDatabase, refreshed every
-- 30 s. It informs, it does not lock, and it is not logged.
CREATE TABLE presence (
  id          INTEGER PRIMARY KEY,
  user        TEXT NOT NULL,
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  heartbeat   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- change_log triggers, three per editable table.
CREATE TRIGGER areas_log_insert AFTER INSERT ON areas WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('areas', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER areas_log_update AFTER UPDATE ON areas WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('areas', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER areas_log_delete AFTER DELETE ON areas WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('areas', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER groups_log_insert AFTER INSERT ON groups WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('groups', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER groups_log_update AFTER UPDATE ON groups WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('groups', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER groups_log_delete AFTER DELETE ON groups WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('groups', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER stations_log_insert AFTER INSERT ON stations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('stations', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER stations_log_update AFTER UPDATE ON stations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('stations', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER stations_log_delete AFTER DELETE ON stations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('stations', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER people_log_insert AFTER INSERT ON people WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('people', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER people_log_update AFTER UPDATE ON people WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('people', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER people_log_delete AFTER DELETE ON people WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('people', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER memberships_log_insert AFTER INSERT ON memberships WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('memberships', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER memberships_log_update AFTER UPDATE ON memberships WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('memberships', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER memberships_log_delete AFTER DELETE ON memberships WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('memberships', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER pairings_log_insert AFTER INSERT ON pairings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('pairings', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER pairings_log_update AFTER UPDATE ON pairings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('pairings', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER pairings_log_delete AFTER DELETE ON pairings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('pairings', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER departments_log_insert AFTER INSERT ON departments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('departments', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER departments_log_update AFTER UPDATE ON departments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('departments', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER departments_log_delete AFTER DELETE ON departments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('departments', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER cases_log_insert AFTER INSERT ON cases WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('cases', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER cases_log_update AFTER UPDATE ON cases WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('cases', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER cases_log_delete AFTER DELETE ON cases WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('cases', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER case_deputies_log_insert AFTER INSERT ON case_deputies WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_deputies', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER case_deputies_log_update AFTER UPDATE ON case_deputies WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_deputies', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER case_deputies_log_delete AFTER DELETE ON case_deputies WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_deputies', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER case_events_log_insert AFTER INSERT ON case_events WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_events', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER case_events_log_update AFTER UPDATE ON case_events WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_events', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER case_events_log_delete AFTER DELETE ON case_events WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('case_events', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER attachments_log_insert AFTER INSERT ON attachments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('attachments', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER attachments_log_update AFTER UPDATE ON attachments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('attachments', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER attachments_log_delete AFTER DELETE ON attachments WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('attachments', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER activities_log_insert AFTER INSERT ON activities WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activities', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER activities_log_update AFTER UPDATE ON activities WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activities', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER activities_log_delete AFTER DELETE ON activities WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activities', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER activity_participants_log_insert AFTER INSERT ON activity_participants WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activity_participants', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER activity_participants_log_update AFTER UPDATE ON activity_participants WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activity_participants', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER activity_participants_log_delete AFTER DELETE ON activity_participants WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('activity_participants', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER point_rules_log_insert AFTER INSERT ON point_rules WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_rules', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER point_rules_log_update AFTER UPDATE ON point_rules WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_rules', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER point_rules_log_delete AFTER DELETE ON point_rules WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('point_rules', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER suggestions_log_insert AFTER INSERT ON suggestions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestions', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER suggestions_log_update AFTER UPDATE ON suggestions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestions', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER suggestions_log_delete AFTER DELETE ON suggestions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestions', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER suggestion_authors_log_insert AFTER INSERT ON suggestion_authors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestion_authors', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER suggestion_authors_log_update AFTER UPDATE ON suggestion_authors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestion_authors', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER suggestion_authors_log_delete AFTER DELETE ON suggestion_authors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('suggestion_authors', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER projects_log_insert AFTER INSERT ON projects WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('projects', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER projects_log_update AFTER UPDATE ON projects WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('projects', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER projects_log_delete AFTER DELETE ON projects WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('projects', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER project_votes_log_insert AFTER INSERT ON project_votes WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_votes', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER project_votes_log_update AFTER UPDATE ON project_votes WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_votes', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER project_votes_log_delete AFTER DELETE ON project_votes WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_votes', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER project_supervisors_log_insert AFTER INSERT ON project_supervisors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_supervisors', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER project_supervisors_log_update AFTER UPDATE ON project_supervisors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_supervisors', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER project_supervisors_log_delete AFTER DELETE ON project_supervisors WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_supervisors', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER project_progress_log_insert AFTER INSERT ON project_progress WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_progress', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER project_progress_log_update AFTER UPDATE ON project_progress WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_progress', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER project_progress_log_delete AFTER DELETE ON project_progress WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('project_progress', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER consultations_log_insert AFTER INSERT ON consultations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultations', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER consultations_log_update AFTER UPDATE ON consultations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultations', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER consultations_log_delete AFTER DELETE ON consultations WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultations', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER consultation_opinions_log_insert AFTER INSERT ON consultation_opinions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultation_opinions', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER consultation_opinions_log_update AFTER UPDATE ON consultation_opinions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultation_opinions', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER consultation_opinions_log_delete AFTER DELETE ON consultation_opinions WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('consultation_opinions', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER filed_documents_log_insert AFTER INSERT ON filed_documents WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('filed_documents', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER filed_documents_log_update AFTER UPDATE ON filed_documents WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('filed_documents', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER filed_documents_log_delete AFTER DELETE ON filed_documents WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('filed_documents', OLD.id, 'delete', ll_user(), ll_host());
END;

CREATE TRIGGER settings_log_insert AFTER INSERT ON settings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('settings', NEW.id, 'insert', ll_user(), ll_host());
END;
CREATE TRIGGER settings_log_update AFTER UPDATE ON settings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('settings', NEW.id, 'update', ll_user(), ll_host());
END;
CREATE TRIGGER settings_log_delete AFTER DELETE ON settings WHEN ll_log_changes() BEGIN
  INSERT INTO change_log (tbl, row_id, op, user, host)
    VALUES ('settings', OLD.id, 'delete', ll_user(), ll_host());
END;
