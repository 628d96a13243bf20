import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

/// `kepu event door EVENT`: opens the event's 扫码签到 and prints its public link alone on stdout.
struct EventDoor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "door",
        abstract: "开启或关闭扫码签到，打印签到链接 · Open or close an event's sign-in by QR code; print its link.",
        discussion: """
            签到链接由 kepu serve 提供，手机扫海报上的二维码即可签到；每次签到计入该活动的人次（现场、签到表）。
            再次开启会换一个新链接，旧链接随即失效。
            The link is served by kepu serve; each sign-in counts as attendance of the event (onsite,
            sign-in sheet). Opening again gives a new link and the old one stops working.

            示例 · Example:
              kepu event door 3 --survey --poster 海报.html
              kepu event door 3 --from "2023-09-16 08:30" --until "2023-09-16 12:00"
              kepu event door 3 --close
              kepu event door 3 --live --expected 300     # 现场屏幕模式，预计 300 人
              kepu event door 3 --accept                  # 待核对的签到全部计入
              kepu event door 3 --void-from "2023-09-16 10:00" --void-until "2023-09-16 10:30" --address 203.0.113.9 --reason 刷量

            现场屏幕模式（--live）：在现场屏幕上显示每 30 秒更新的二维码（网页版活动页“打开现场签到屏”），
            转发出去的链接几分钟内失效，比打印海报更安全。超出预计人数（--expected）或同一网络一分钟内
            签到过多的，先待核对，不计入人次，核对后用 --accept 计入。
            --live shows a QR code that changes every 30 s on a screen at the venue (the web app's
            screen page): safer than a poster. Sign-ins past --expected, or too fast from one network,
            wait for review and count once accepted (--accept).
            """)
    @Argument(help: "活动编号 · The event id.") var id: String
    @Option(help: ArgumentHelp("开始时间（默认活动首日 07:00）· Opens at (default: the first day, 07:00).", valueName: "time"))
    var from: String?
    @Option(help: ArgumentHelp("截止时间（默认活动末日 22:00）· Closes at (default: the last day, 22:00).", valueName: "time"))
    var until: String?
    @Flag(help: "附带满意度调查（五级）· Ask the satisfaction question (five levels).") var survey = false
    @Option(help: ArgumentHelp("同时招募志愿者的人数 · Also call for this many volunteers.", valueName: "n"))
    var volunteers: String?
    @Flag(help: "关闭签到 · Close the sign-in now.") var close = false
    @Flag(help: "现场屏幕模式：二维码每 30 秒更新 · A live door: the code on the venue's screen changes every 30 s.")
    var live = false
    @Option(
        help: ArgumentHelp("预计人数：超出的签到待核对后计入 · The expected crowd; sign-ins past it wait for review.", valueName: "n"))
    var expected: String?
    @Flag(help: "待核对的签到全部计入 · Count the sign-ins held for review.") var accept = false
    @Option(help: ArgumentHelp("作废这段时间起的签到 · Void the sign-ins from this time…", valueName: "time"))
    var voidFrom: String?
    @Option(help: ArgumentHelp("……到这个时间为止 · …up to this time.", valueName: "time"))
    var voidUntil: String?
    @Option(help: ArgumentHelp("只作废来自这个网络的签到 · Only those from this network.", valueName: "address"))
    var address: String?
    @Option(help: ArgumentHelp("作废的原因（记入操作记录）· Why they are voided.", valueName: "reason"))
    var reason: String?
    @Option(
        help: ArgumentHelp(
            "手机访问本服务的地址（默认 $KEPU_PUBLIC_URL，否则 kepu settings 设置的地址，否则 http://127.0.0.1:8080）· The address phones reach the server at (default: $KEPU_PUBLIC_URL, else kepu settings' address).",
            valueName: "url"))
    var base: String?
    @Option(help: ArgumentHelp("另存一张可打印的 A4 签到海报 · Also write the A4 poster.", valueName: "file"))
    var poster: String?
    @Option(
        help: ArgumentHelp(
            "把扫码签到名单（含完整手机号）存为 .xlsx 或 .csv，供单位留档 · Write the sign-in list (full phones) for the office's records.",
            valueName: "file"))
    var export: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let event = try recordID(id, field: .named(lang.t("活动编号", "event id")))
        let ledger = try options.ledger()
        if let export {
            try Self.export(ledger.doors.signIns(event: event), event: event, to: export, lang: lang)
            return
        }
        if close {
            _ = try ledger.doors.close(event: event)
            console.say(.doorClosed(event: event))
            return
        }
        if accept {
            let r = try ledger.doors.acceptHeld(event: event)
            console.say(.heldAccepted(event: event, title: r.eventTitle, counted: r.counted))
            return
        }
        if voidFrom != nil || voidUntil != nil {
            guard let from = voidFrom.nonBlank else { throw KepuError(.empty(field: .named("--void-from"))) }
            guard let until = voidUntil.nonBlank else { throw KepuError(.empty(field: .named("--void-until"))) }
            guard let reason = reason.nonBlank else { throw KepuError(.empty(field: .named("--reason"))) }
            let r = try ledger.doors.voidVisits(
                event: event, from: try Door.parseTime(from, field: .named("--void-from")),
                until: try Door.parseTime(until, field: .named("--void-until")), address: address.nonBlank,
                reason: reason)
            console.say(
                .visitsVoided(event: event, title: r.eventTitle, counted: r.counted, held: r.held, answers: r.answers))
            return
        }
        let opens = try from.nonBlank.map { try Door.parseTime($0, field: .named("--from")) }
        let closes = try until.nonBlank.map { try Door.parseTime($0, field: .named("--until"), endOfDay: true) }
        let calls = try volunteers.map { try Parse.positiveCount($0, field: .named("--volunteers")) }
        let crowd = try expected.map { try Parse.positiveCount($0, field: .named("--expected")) }
        let opened = try ledger.doors.open(
            event: event, from: opens, until: closes, survey: survey, volunteers: calls, live: live, expected: crowd)
        let kept = try ledger.settings.publicAddress()?.url
        let url = Door.url(base: base.nonBlank ?? console.environment["KEPU_PUBLIC_URL"].nonBlank ?? kept, opened.token)
        if let poster {
            try emit(try DoorPoster.html(opened.door, url: url, lang: lang), to: poster, what: .poster)
        }
        console.out(url)
        console.say(
            .doorOpened(
                event: event, from: opened.door.from, until: opened.door.until, survey: survey, volunteers: calls,
                replaced: opened.replaced))
    }

    /// The sign-in list, its format from the file's extension (`.xlsx` or `.csv`).
    static func export(_ rows: [DoorSignInRow], event: Int64, to output: String, lang: Language) throws {
        let table = ReportTable(
            columns: [
                .init(lang.t("日期", "Day")), .init(lang.t("签到时间", "Time")), .init(lang.t("姓名", "Name")),
                .init(lang.t("手机", "Phone")), .init(lang.t("单位/学校", "Organization")),
            ],
            rows: rows.map {
                [
                    Cell($0.day.description), Cell($0.time ?? ""), Cell($0.name), Cell($0.phone ?? ""),
                    Cell($0.org ?? ""),
                ]
            })
        let title = lang.t("活动 \(event) 扫码签到名单", "Sign-ins of event \(event)")
        switch try outputFormat(nil, output: output) {
        case .xlsx:
            try emitWorkbook(to: output, what: .list) { path in
                try XLSXRenderer.write(
                    [XLSXRenderer.Sheet(name: lang.t("扫码签到", "Sign-ins"), title: title, table: table)], to: path,
                    title: title)
            }
        default:
            try emit(CSVRenderer().render(table), to: output, what: .list)
        }
    }
}
