import GRDB

/// The schema, as named migrations. A shipped migration is never edited: add a new one.
enum Migrations {
    /// Stored in `PRAGMA application_id` so that kepu recognizes its own files ("KEPU").
    static let applicationID: Int32 = 0x4B45_5055

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1 ledger", migrate: v1)
        m.registerMigration("v2 void batches", migrate: v2)
        m.registerMigration("v3 budget adjustments and noted actuals", migrate: v3)
        m.registerMigration("v4 science month and activity forms", migrate: v4)
        m.registerMigration("v5 basic spending", migrate: v5)
        m.registerMigration("v6 survey imports", migrate: v6)
        m.registerMigration("v7 year locks", migrate: v7)
        m.registerMigration("v8 users and API tokens", migrate: v8)
        m.registerMigration("v9 web sessions", migrate: v9)
        m.registerMigration("v10 sign-in failures and token use", migrate: v10)
        m.registerMigration("v11 doors", migrate: v11)
        m.registerMigration("v12 projects", migrate: v12)
        m.registerMigration("v13 door visits, live doors, answers by batch, rejected calls", migrate: v13)
        m.registerMigration("v14 settings", migrate: v14)
        return m
    }

    static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        // Dates are ISO text (YYYY-MM-DD) so that they sort and range-filter with an index.
        let date = { (c: String) in "\(c) TEXT NOT NULL CHECK (\(c) GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"
        }
        let voided = """
            created_at TEXT NOT NULL,
            voided_at TEXT,
            void_reason TEXT,
            CHECK ((voided_at IS NULL) = (void_reason IS NULL))
            """
        try db.execute(
            sql: """
                CREATE TABLE unit (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE CHECK (name <> '')
                ) STRICT;

                CREATE TABLE plan (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL,
                  \(date("period_start")),
                  \(date("period_end")),
                  source_name TEXT NOT NULL,
                  source_text TEXT NOT NULL,
                  source_sha256 TEXT NOT NULL,
                  imported_at TEXT NOT NULL,
                  replaced_at TEXT,
                  replaced_by INTEGER REFERENCES plan(id),
                  CHECK (period_end >= period_start)
                ) STRICT;
                CREATE UNIQUE INDEX plan_current ON plan(unit_id, year) WHERE replaced_at IS NULL;
                CREATE INDEX plan_period ON plan(period_start, period_end);

                CREATE TABLE import_file (
                  id INTEGER PRIMARY KEY,
                  kind TEXT NOT NULL CHECK (kind IN ('signin', 'volunteers', 'costs')),
                  file_name TEXT NOT NULL,
                  sha256 TEXT NOT NULL UNIQUE,
                  rows INTEGER NOT NULL CHECK (rows >= 0),
                  imported_at TEXT NOT NULL
                ) STRICT;

                CREATE TABLE event (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  parent_id INTEGER REFERENCES event(id),
                  title TEXT NOT NULL CHECK (title <> ''),
                  kind TEXT NOT NULL CHECK (kind IN ('science-day', 'tech-week', 'other')),
                  major INTEGER NOT NULL CHECK (major IN (0, 1)),
                  \(date("start_date")),
                  \(date("end_date")),
                  venue TEXT,
                  \(voided),
                  CHECK (end_date >= start_date),
                  CHECK (parent_id IS NULL OR parent_id <> id)
                ) STRICT;
                CREATE INDEX event_unit_start ON event(unit_id, start_date);
                CREATE INDEX event_parent ON event(parent_id);

                CREATE TABLE attendance (
                  id INTEGER PRIMARY KEY,
                  event_id INTEGER NOT NULL REFERENCES event(id),
                  \(date("date")),
                  count INTEGER NOT NULL CHECK (count >= 0),
                  channel TEXT NOT NULL CHECK (channel IN ('onsite', 'online')),
                  method TEXT NOT NULL CHECK (method IN ('headcount', 'signin', 'estimate')),
                  note TEXT,
                  import_id INTEGER REFERENCES import_file(id),
                  \(voided)
                ) STRICT;
                CREATE INDEX attendance_event ON attendance(event_id, date);

                -- Sign-in rows are only ever read by their attendance entry: clustered by it (no rowid,
                -- no second index), a sheet's rows are appended in key order, one B-tree insert each.
                CREATE TABLE signin (
                  attendance_id INTEGER NOT NULL REFERENCES attendance(id),
                  line INTEGER NOT NULL,
                  name TEXT NOT NULL,
                  phone TEXT,
                  time TEXT,
                  PRIMARY KEY (attendance_id, line)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE cost (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  line TEXT NOT NULL,
                  event_id INTEGER REFERENCES event(id),
                  item TEXT,
                  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
                  \(date("date")),
                  invoice TEXT,
                  payee TEXT,
                  import_id INTEGER REFERENCES import_file(id),
                  \(voided)
                ) STRICT;
                CREATE INDEX cost_unit_date ON cost(unit_id, date);
                CREATE INDEX cost_event ON cost(event_id);
                CREATE INDEX cost_invoice ON cost(unit_id, invoice) WHERE invoice IS NOT NULL;

                CREATE TABLE print_run (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  line TEXT NOT NULL,
                  title TEXT NOT NULL CHECK (title <> ''),
                  ink TEXT NOT NULL CHECK (ink IN ('color', 'mono')),
                  copies INTEGER NOT NULL CHECK (copies > 0),
                  unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
                  event_id INTEGER REFERENCES event(id),
                  \(date("date")),
                  \(voided)
                ) STRICT;
                CREATE INDEX print_run_unit_date ON print_run(unit_id, date);
                CREATE INDEX print_run_event ON print_run(event_id);

                CREATE TABLE organization (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                  created_at TEXT NOT NULL
                ) STRICT;

                CREATE TABLE volunteer (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL CHECK (name <> ''),
                  phone TEXT,
                  org_id INTEGER REFERENCES organization(id),
                  platform_no TEXT,
                  import_id INTEGER REFERENCES import_file(id),
                  \(voided)
                ) STRICT;
                CREATE UNIQUE INDEX volunteer_phone ON volunteer(phone) WHERE phone IS NOT NULL AND voided_at IS NULL;

                CREATE TABLE signup (
                  id INTEGER PRIMARY KEY,
                  volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
                  event_id INTEGER NOT NULL REFERENCES event(id),
                  \(date("date")),
                  hours_centi INTEGER CHECK (hours_centi >= 0),
                  role TEXT,
                  import_id INTEGER REFERENCES import_file(id),
                  \(voided)
                ) STRICT;
                CREATE INDEX signup_event ON signup(event_id);
                CREATE INDEX signup_volunteer ON signup(volunteer_id);

                CREATE TABLE survey (
                  id INTEGER PRIMARY KEY,
                  event_id INTEGER NOT NULL REFERENCES event(id),
                  \(date("date")),
                  responses INTEGER NOT NULL CHECK (responses > 0),
                  satisfied INTEGER NOT NULL CHECK (satisfied >= 0 AND satisfied <= responses),
                  \(voided)
                ) STRICT;
                CREATE INDEX survey_event ON survey(event_id);

                CREATE TABLE measurement (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  metric TEXT NOT NULL CHECK (metric <> ''),
                  value_e4 INTEGER NOT NULL,
                  \(date("date")),
                  source TEXT,
                  \(voided)
                ) STRICT;
                CREATE INDEX measurement_unit_metric ON measurement(unit_id, metric, date);

                CREATE TABLE baseline (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL,
                  volunteers INTEGER CHECK (volunteers >= 0),
                  orgs INTEGER CHECK (orgs >= 0),
                  updated_at TEXT NOT NULL,
                  UNIQUE (unit_id, year)
                ) STRICT;

                CREATE TABLE note (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL,
                  indicator TEXT NOT NULL,
                  reason TEXT,
                  measures TEXT,
                  score_e4 INTEGER CHECK (score_e4 >= 0),
                  score_why TEXT,
                  updated_at TEXT NOT NULL,
                  UNIQUE (unit_id, year, indicator),
                  CHECK ((score_e4 IS NULL) = (score_why IS NULL))
                ) STRICT;

                CREATE TABLE evidence (
                  id INTEGER PRIMARY KEY,
                  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                  file_name TEXT NOT NULL,
                  size INTEGER NOT NULL CHECK (size >= 0),
                  kind TEXT NOT NULL CHECK (kind IN ('signin', 'photo', 'invoice', 'contract', 'news', 'survey', 'other')),
                  event_id INTEGER REFERENCES event(id),
                  cost_id INTEGER REFERENCES cost(id),
                  \(voided)
                ) STRICT;
                CREATE INDEX evidence_event ON evidence(event_id);
                CREATE INDEX evidence_cost ON evidence(cost_id);

                CREATE TABLE audit (
                  id INTEGER PRIMARY KEY,
                  at TEXT NOT NULL,
                  operator TEXT NOT NULL,
                  command TEXT NOT NULL,
                  entity TEXT NOT NULL,
                  entity_id INTEGER,
                  before TEXT,
                  after TEXT,
                  prev_hash TEXT NOT NULL,
                  hash TEXT NOT NULL
                ) STRICT;
                """)
        // Nothing is hard-deleted: records are voided, and the audit trail is append-only.
        for table in [
            "unit", "plan", "import_file", "event", "attendance", "signin", "cost", "print_run",
            "organization", "volunteer", "signup", "survey", "measurement", "baseline", "note", "evidence",
            "audit",
        ] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'kepu never deletes \(table) rows; void them instead'); END
                    """)
        }
        try db.execute(
            sql: """
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                """)
    }

    /// The tables whose records are voided, never deleted.
    static let voidable = [
        "event", "attendance", "cost", "print_run", "volunteer", "signup", "survey", "measurement", "evidence",
    ]

    /// Each void is a batch: the records it voided share its id, so a restore undoes exactly that void and
    /// leaves alone what was voided on its own before.
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE void_batch (
                  id INTEGER PRIMARY KEY,
                  at TEXT NOT NULL,
                  reason TEXT NOT NULL CHECK (reason <> ''),
                  root_entity TEXT NOT NULL,
                  root_id INTEGER NOT NULL,
                  restored_at TEXT,
                  restore_reason TEXT,
                  CHECK ((restored_at IS NULL) = (restore_reason IS NULL))
                ) STRICT;
                CREATE TRIGGER void_batch_no_delete BEFORE DELETE ON void_batch
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes void_batch rows; void them instead'); END;
                """)
        for table in voidable {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN void_batch INTEGER REFERENCES void_batch(id)")
            try db.execute(sql: "CREATE INDEX \(table)_void_batch ON \(table)(void_batch) WHERE void_batch IS NOT NULL")
        }
        // Voids made before batches existed: an event's void stamped its records with one time and reason.
        try db.execute(
            sql: """
                INSERT INTO void_batch (at, reason, root_entity, root_id)
                SELECT voided_at, void_reason, 'event', min(id) FROM event WHERE voided_at IS NOT NULL
                GROUP BY voided_at, void_reason ORDER BY min(id)
                """)
        for table in voidable {
            try db.execute(
                sql: """
                    UPDATE \(table) SET void_batch = (SELECT b.id FROM void_batch b
                      WHERE b.at = \(table).voided_at AND b.reason = \(table).void_reason)
                    WHERE voided_at IS NOT NULL
                    """)
        }
    }

    /// 全年预算数: mid-year adjustments of the project budget (and of its lines), and the 实际完成值 a note
    /// gives a qualitative indicator.
    static func v3(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE note ADD COLUMN actual_text TEXT;
                CREATE TABLE budget_adjustment (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL,
                  line TEXT,
                  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
                  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                  reason TEXT NOT NULL CHECK (reason <> ''),
                  created_at TEXT NOT NULL,
                  voided_at TEXT,
                  void_reason TEXT,
                  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
                ) STRICT;
                CREATE INDEX budget_adjustment_unit_year ON budget_adjustment(unit_id, year, date);
                CREATE TRIGGER budget_adjustment_no_delete BEFORE DELETE ON budget_adjustment
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes budget_adjustment rows; void them instead'); END;
                """)
    }

    /// 全国科普月 (from 2025) as an event kind, and each event's form for the statistics return. SQLite cannot
    /// change a CHECK in place, so the event table is rebuilt (GRDB defers the foreign-key checks to the end).
    static func v4(_ db: Database) throws {
        let date = { (c: String) in "\(c) TEXT NOT NULL CHECK (\(c) GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"
        }
        try db.execute(
            sql: """
                CREATE TABLE event_v4 (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  parent_id INTEGER REFERENCES event(id),
                  title TEXT NOT NULL CHECK (title <> ''),
                  kind TEXT NOT NULL CHECK (kind IN ('science-day', 'tech-week', 'science-month', 'other')),
                  form TEXT NOT NULL DEFAULT 'other' CHECK (form IN ('lecture', 'exhibition', 'competition', 'training',
                    'youth', 'open-day', 'consultation', 'other')),
                  major INTEGER NOT NULL CHECK (major IN (0, 1)),
                  \(date("start_date")),
                  \(date("end_date")),
                  venue TEXT,
                  created_at TEXT NOT NULL,
                  voided_at TEXT,
                  void_reason TEXT,
                  void_batch INTEGER REFERENCES void_batch(id),
                  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
                  CHECK (end_date >= start_date),
                  CHECK (parent_id IS NULL OR parent_id <> id)
                ) STRICT;
                INSERT INTO event_v4 (id, unit_id, parent_id, title, kind, form, major, start_date, end_date, venue,
                  created_at, voided_at, void_reason, void_batch)
                SELECT id, unit_id, parent_id, title, kind, 'other', major, start_date, end_date, venue, created_at,
                  voided_at, void_reason, void_batch FROM event;
                DROP TABLE event;
                ALTER TABLE event_v4 RENAME TO event;
                CREATE INDEX event_unit_start ON event(unit_id, start_date);
                CREATE INDEX event_parent ON event(parent_id);
                CREATE INDEX event_void_batch ON event(void_batch) WHERE void_batch IS NOT NULL;
                CREATE TRIGGER event_no_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes event rows; void them instead'); END;
                """)
    }

    /// The year's 基本支出 (salaries and running costs) as one total from the finance system, for the
    /// department's own self-evaluation; kepu keeps no payroll.
    static func v5(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE basic_spending (
                  id INTEGER PRIMARY KEY,
                  unit_id INTEGER NOT NULL REFERENCES unit(id),
                  year INTEGER NOT NULL,
                  spent_fen INTEGER NOT NULL CHECK (spent_fen >= 0),
                  source TEXT,
                  updated_at TEXT NOT NULL,
                  UNIQUE (unit_id, year)
                ) STRICT;
                CREATE TRIGGER basic_spending_no_delete BEFORE DELETE ON basic_spending
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes basic_spending rows; replace them instead'); END;
                """)
    }

    /// 问卷星 downloads: a survey batch backed by its answers and its file, like a sign-in sheet. The
    /// import_file table is rebuilt to accept the kind `survey` (SQLite cannot change a CHECK in place).
    static func v6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE import_file_v6 (
                  id INTEGER PRIMARY KEY,
                  kind TEXT NOT NULL CHECK (kind IN ('signin', 'volunteers', 'costs', 'survey')),
                  file_name TEXT NOT NULL,
                  sha256 TEXT NOT NULL UNIQUE,
                  rows INTEGER NOT NULL CHECK (rows >= 0),
                  imported_at TEXT NOT NULL
                ) STRICT;
                INSERT INTO import_file_v6 (id, kind, file_name, sha256, rows, imported_at)
                SELECT id, kind, file_name, sha256, rows, imported_at FROM import_file;
                DROP TABLE import_file;
                ALTER TABLE import_file_v6 RENAME TO import_file;
                CREATE TRIGGER import_file_no_delete BEFORE DELETE ON import_file
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes import_file rows; void them instead'); END;

                ALTER TABLE survey ADD COLUMN import_id INTEGER REFERENCES import_file(id);
                ALTER TABLE survey ADD COLUMN question TEXT;

                -- One row per answer counted, read only through its survey.
                CREATE TABLE survey_answer (
                  survey_id INTEGER NOT NULL REFERENCES survey(id),
                  line INTEGER NOT NULL,
                  submitted_at TEXT,
                  answer TEXT NOT NULL,
                  satisfied INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
                  PRIMARY KEY (survey_id, line)
                ) STRICT, WITHOUT ROWID;
                CREATE TRIGGER survey_answer_no_delete BEFORE DELETE ON survey_answer
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes survey_answer rows; void their survey instead'); END;
                """)
    }

    /// 封账: a year locked once its self-evaluation is handed in. A lock is lifted by an unlock with a
    /// reason, never deleted; at most one lock of a year is in force.
    static func v7(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE year_lock (
                  id INTEGER PRIMARY KEY,
                  year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
                  locked_on TEXT NOT NULL,
                  reason TEXT NOT NULL CHECK (reason <> ''),
                  locked_at TEXT NOT NULL,
                  locked_by TEXT NOT NULL,
                  unlocked_at TEXT,
                  unlock_reason TEXT,
                  unlocked_by TEXT,
                  CHECK ((unlocked_at IS NULL) = (unlock_reason IS NULL))
                ) STRICT;
                CREATE UNIQUE INDEX year_lock_in_force ON year_lock(year) WHERE unlocked_at IS NULL;
                CREATE TRIGGER year_lock_no_delete BEFORE DELETE ON year_lock
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes year_lock rows; unlock them instead'); END;
                """)
    }

    /// The office web app's users (bcrypt password hashes) and API tokens (SHA-256 of the token; the
    /// token itself is shown once). Disabled, never deleted.
    static func v8(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE app_user (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
                  role TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'admin')),
                  password_hash TEXT NOT NULL,
                  created_at TEXT NOT NULL,
                  password_changed_at TEXT NOT NULL,
                  disabled_at TEXT
                ) STRICT;
                CREATE TABLE api_token (
                  id INTEGER PRIMARY KEY,
                  user_id INTEGER NOT NULL REFERENCES app_user(id),
                  token_hash TEXT NOT NULL UNIQUE,
                  created_at TEXT NOT NULL,
                  revoked_at TEXT
                ) STRICT;
                CREATE TRIGGER app_user_no_delete BEFORE DELETE ON app_user
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes app_user rows; disable them instead'); END;
                CREATE TRIGGER api_token_no_delete BEFORE DELETE ON api_token
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes api_token rows; revoke them instead'); END;
                """)
    }

    /// Signed-in browsers: the session id is kept as its SHA-256, with the form token (CSRF) of the
    /// session; a session ends on sign-out or after 8 idle hours.
    static func v9(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE web_session (
                  id_hash TEXT PRIMARY KEY,
                  user_id INTEGER NOT NULL REFERENCES app_user(id),
                  csrf TEXT NOT NULL,
                  created_at TEXT NOT NULL,
                  last_seen_at TEXT NOT NULL,
                  ended_at TEXT
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX web_session_user ON web_session(user_id);
                """)
    }

    /// Failed sign-ins, kept so that a restart does not lift a wait (cleared by `kepu user unlock`,
    /// never deleted); and when each API token was last used.
    static func v10(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE login_failure (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL COLLATE NOCASE,
                  address TEXT NOT NULL,
                  at TEXT NOT NULL,
                  cleared_at TEXT
                ) STRICT;
                CREATE INDEX login_failure_name ON login_failure(name, address, at);
                CREATE INDEX login_failure_address ON login_failure(address, at);
                CREATE TRIGGER login_failure_no_delete BEFORE DELETE ON login_failure
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes login_failure rows; clear them instead'); END;
                ALTER TABLE api_token ADD COLUMN last_used_at TEXT;
                """)
    }

    /// 扫码签到: a door is an event's public sign-in link for a window (its token kept only as a hash);
    /// each day of a door has one attendance entry, backed by its sign-in rows as an imported sheet's
    /// entry is, and one survey batch of the satisfaction answers; a volunteer call's answers wait for
    /// the clerk to confirm them as sign-ups.
    static func v11(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE door (
                  id INTEGER PRIMARY KEY,
                  event_id INTEGER NOT NULL REFERENCES event(id),
                  token_hash TEXT NOT NULL UNIQUE,
                  opens_at TEXT NOT NULL,
                  closes_at TEXT NOT NULL CHECK (closes_at > opens_at),
                  survey INTEGER NOT NULL CHECK (survey IN (0, 1)),
                  volunteers INTEGER CHECK (volunteers IS NULL OR volunteers > 0),
                  created_at TEXT NOT NULL,
                  closed_at TEXT
                ) STRICT;
                CREATE INDEX door_event ON door(event_id);
                CREATE TABLE door_day (
                  door_id INTEGER NOT NULL REFERENCES door(id),
                  day TEXT NOT NULL,
                  attendance_id INTEGER REFERENCES attendance(id),
                  survey_id INTEGER REFERENCES survey(id),
                  PRIMARY KEY (door_id, day)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE door_answer (
                  door_id INTEGER NOT NULL REFERENCES door(id),
                  day TEXT NOT NULL,
                  phone TEXT NOT NULL,
                  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
                  at TEXT NOT NULL,
                  PRIMARY KEY (door_id, day, phone)
                ) STRICT, WITHOUT ROWID;
                CREATE TABLE volunteer_call (
                  id INTEGER PRIMARY KEY,
                  door_id INTEGER NOT NULL REFERENCES door(id),
                  event_id INTEGER NOT NULL REFERENCES event(id),
                  name TEXT NOT NULL,
                  phone TEXT NOT NULL,
                  org TEXT,
                  at TEXT NOT NULL,
                  signup_id INTEGER REFERENCES signup(id),
                  UNIQUE (door_id, phone)
                ) STRICT;
                ALTER TABLE signin ADD COLUMN org TEXT;
                """)
        for table in ["door", "door_day", "door_answer", "volunteer_call"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'kepu never deletes \(table) rows'); END
                    """)
        }
    }

    /// Several 支出方向 in a year: an event names its project (by the plan's project id); a project budget's
    /// adjustment too. NULL is the year's first project, which is what every event made before was in.
    static func v12(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE event ADD COLUMN project TEXT CHECK (project IS NULL OR project <> '');
                ALTER TABLE budget_adjustment ADD COLUMN project TEXT CHECK (project IS NULL OR project <> '');
                """)
    }

    /// A door worth believing. Each sign-in through a door is a visit, kept with its time and the
    /// client's address (an IPv6 /64): counted into the day's attendance, or held for the clerk's
    /// review (past the door's expected crowd, or faster than a person a second from one address),
    /// and voided by the clerk in a batch (a time range, an address) with a reason. A door has a
    /// secret of its own (never shown: it signs the phone page's form and, for a live door, the code
    /// on the screen at the venue that changes every 30 seconds) and may expect a crowd.
    ///
    /// Each backup `kepu backup` makes is recorded (when, where, how large), for the 用户 page.
    ///
    /// A door's answers belong to the survey batch they were counted in, so that a batch voided (a
    /// flood of fake answers) never keeps a real visitor's later answer out of the next one: the key
    /// takes the batch. A volunteer call's answer may be rejected by the clerk, with a reason; a
    /// rejected answer counts for nothing and its place opens again.
    static func v13(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE door ADD COLUMN secret TEXT;
                UPDATE door SET secret = lower(hex(randomblob(32)));
                ALTER TABLE door ADD COLUMN live INTEGER NOT NULL DEFAULT 0 CHECK (live IN (0, 1));
                ALTER TABLE door ADD COLUMN expected INTEGER CHECK (expected IS NULL OR expected > 0);
                CREATE TABLE door_visit (
                  id INTEGER PRIMARY KEY,
                  door_id INTEGER NOT NULL REFERENCES door(id),
                  day TEXT NOT NULL,
                  minute TEXT NOT NULL,
                  at TEXT NOT NULL,
                  address TEXT NOT NULL,
                  name TEXT NOT NULL,
                  phone TEXT NOT NULL,
                  org TEXT,
                  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
                  attendance_id INTEGER REFERENCES attendance(id),
                  line INTEGER,
                  survey_id INTEGER REFERENCES survey(id),
                  held TEXT CHECK (held IS NULL OR held IN ('crowd', 'pace')),
                  accepted_at TEXT,
                  voided_at TEXT,
                  void_reason TEXT,
                  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
                ) STRICT;
                CREATE INDEX door_visit_door ON door_visit(door_id, day, phone);
                CREATE INDEX door_visit_address ON door_visit(door_id, address, at);
                CREATE INDEX door_visit_signin ON door_visit(attendance_id, line);
                CREATE TRIGGER door_visit_no_delete BEFORE DELETE ON door_visit
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes door_visit rows'); END;
                """)
        try db.execute(
            sql: """
                CREATE TABLE door_answer_v13 (
                  id INTEGER PRIMARY KEY,
                  door_id INTEGER NOT NULL REFERENCES door(id),
                  day TEXT NOT NULL,
                  phone TEXT NOT NULL,
                  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
                  at TEXT NOT NULL,
                  survey_id INTEGER NOT NULL REFERENCES survey(id),
                  voided_at TEXT
                ) STRICT;
                INSERT INTO door_answer_v13 (door_id, day, phone, satisfaction, at, survey_id)
                  SELECT a.door_id, a.day, a.phone, a.satisfaction, a.at, d.survey_id
                  FROM door_answer a JOIN door_day d ON d.door_id = a.door_id AND d.day = a.day
                  WHERE d.survey_id IS NOT NULL;
                DROP TABLE door_answer;
                ALTER TABLE door_answer_v13 RENAME TO door_answer;
                CREATE UNIQUE INDEX door_answer_once ON door_answer(door_id, day, phone, survey_id)
                  WHERE voided_at IS NULL;
                CREATE TRIGGER door_answer_no_delete BEFORE DELETE ON door_answer
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes door_answer rows'); END;
                CREATE TABLE backup (
                  id INTEGER PRIMARY KEY,
                  at TEXT NOT NULL,
                  path TEXT NOT NULL,
                  bytes INTEGER NOT NULL,
                  evidence INTEGER NOT NULL
                ) STRICT;
                ALTER TABLE volunteer_call ADD COLUMN rejected_at TEXT;
                ALTER TABLE volunteer_call ADD COLUMN reject_reason TEXT;
                """)
    }

    /// The office's settings, each a key and its value, changed (never deleted) with an audit row: the
    /// address phones reach the server at, for a door's link.
    static func v14(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE setting (
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE,
                  value TEXT,
                  updated_at TEXT NOT NULL
                ) STRICT;
                CREATE TRIGGER setting_no_delete BEFORE DELETE ON setting
                BEGIN SELECT RAISE(ABORT, 'kepu never deletes setting rows'); END;
                """)
    }
}
