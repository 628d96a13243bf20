import ArgumentParser

/// The root command.
struct Kepu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kepu",
        abstract: "科普绩效 — record a year of science-popularization work and evaluate it against its targets.",
        discussion: """
            kepu keeps the ledger of a district 科协's science-popularization year (events, attendance, costs, print runs, volunteers, surveys) in one SQLite file, reconciles it with the year's performance targets (绩效目标表), and writes the self-evaluation (绩效自评).

            The database is --db PATH, else $KEPU_DB, else $XDG_DATA_HOME/kepu/kepu.sqlite (~/.local/share/kepu/kepu.sqlite). Only `kepu init` creates one.

            Example:
              kepu init
              kepu plan import Seeds/plans/2023-shifeng-kexie.yaml
              id=$(kepu event add --title 全国科普日主场活动 --kind science-day --start 2023-09-16)
              kepu attendance add --event $id --count 3200
              kepu reconcile --year 2023
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, PlanCommand.self, EventCommand.self, AttendanceCommand.self, CostCommand.self,
            PrintCommand.self, VolunteerCommand.self, SurveyCommand.self, MeasureCommand.self,
            BaselineCommand.self, NoteCommand.self, Reconcile.self, ReportCommand.self, CheckCommand.self, EvidenceCommand.self, Backup.self, Export.self, Log.self,
            Demo.self,
        ]
    )
}
