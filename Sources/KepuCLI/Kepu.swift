import ArgumentParser
import KepuCore
import KepuStore

/// The root command.
struct Kepu: ParsableCommand {
    /// The release, as `kepu --version` and the web's footer say it.
    static let release = "0.3.0"
    static var version: String {
        "\(release)（数据库结构 v\(AppDatabase.schemaVersion) · schema v\(AppDatabase.schemaVersion)）"
    }

    static let configuration = CommandConfiguration(
        commandName: "kepu",
        abstract: "科普绩效：记录一年的科普工作，对照绩效目标自评 · Record a year of science popularization and evaluate it.",
        discussion: """
            kepu 把区科协一年的科普台账（活动、人次、费用、印刷、志愿者、满意度调查）保存在一个 SQLite 文件里，对照当年的绩效目标表对账，并生成绩效自评表。

            kepu keeps the ledger of a district 科协's year in one SQLite file, reconciles it with the year's targets (绩效目标表) and writes the self-evaluation (绩效自评). Messages are in Chinese; --lang en or KEPU_LANG=en gives English.

            数据库 · The database: --db PATH, else $KEPU_DB, else ~/.local/share/kepu/kepu.sqlite. Only `kepu init` creates one.

            示例 · Example:
              kepu init
              kepu plan import Seeds/plans/2023-shifeng-kexie.yaml
              id=$(kepu event add --title 全国科普日主场活动 \\
                     --kind 全国科普日 --start 2023-09-16)
              kepu attendance add --event $id --count 3200
              kepu reconcile --year 2023
            """,
        version: Kepu.version,
        subcommands: [
            Init.self, PlanCommand.self, EventCommand.self, AttendanceCommand.self, CostCommand.self, PrintCommand.self,
            VolunteerCommand.self, SurveyCommand.self, MeasureCommand.self, BaselineCommand.self, BasicCommand.self,
            NoteCommand.self,
            Reconcile.self, ReportCommand.self, StatsCommand.self, CheckCommand.self, EvidenceCommand.self, Backup.self,
            Export.self, RestoreCommand.self,
            Log.self, YearCommand.self, UserCommand.self, SettingsCommand.self, Serve.self, Demo.self,
        ]
    )
}
