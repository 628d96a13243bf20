import Foundation
import Hummingbird
import KepuCore
import KepuStore

/// 扫码签到, the public part: the phone page a visitor reaches from the poster's QR code
/// (`/d/TOKEN`). Chinese, large type, one column, no script; nothing of the office's app is linked
/// from it, and no answer shows anyone else's data.
///
/// Limits, each a number: per phone 5 attempts a minute (and one counted sign-in a day); per door
/// 600 sign-ins a minute, sustained, with a burst of 600 (then 503); per client address 300 POSTs a minute (then 429; a venue's WiFi
/// is one address, so this is only against floods); a body over 4 KiB is 413.
struct DoorPages: Sendable {
    let web: Web
    let limits: DoorLimits
    var ledger: Ledger { web.ledger }

    static let cookie = "kepu_door"
    static let maxBody = 4 * 1024

    /// The phone page's words (Chinese: the people at the door).
    enum Words {
        static let signIn = "签到"
        static let name = "姓名"
        static let phone = "手机号"
        static let org = "单位/学校（可不填）"
        static let question = "您对本次活动满意吗？"
        static let answers = [(5, "非常满意"), (4, "满意"), (3, "一般"), (2, "不满意"), (1, "非常不满意")]
        static let justSignIn = "只签到，不评价"
        static let privacy = "我们只收集姓名和手机号，用于统计活动参与人次，不会公开或另作他用。"
        static let ended = "签到已结束"
        static func notYet(_ from: String) -> String { "签到尚未开始：\(Door.display(from)) 开始" }
        static func counted(_ n: Int64) -> String { "签到成功，您是今天第 \(n) 位签到者" }
        static let already = "您今天已签到，无需重复签到"
        static let thanks = "感谢参与！"
        static let notFound = "没有这个签到链接：请重新扫描现场的二维码"
        static let stale = "页面停留太久，请重新提交"
        static let emptyName = "请填写姓名"
        static let phoneAttempts = "这个手机号尝试次数过多，请一分钟后再试"
        static let doorBusy = "签到人数较多，请稍等几秒后再提交"
        static let flood = "请求过于频繁，请稍后再试"
        static let tooLarge = "提交的内容太长"
        static let scanScreen = "请扫描活动现场屏幕上的二维码签到"
        static let codeExpired = "二维码已更新：请重新扫描活动现场屏幕上的二维码"
        static let held = "签到已提交，工作人员核对后计入"
    }

    /// A door's keys, read once: a door's secret never changes.
    func keys(_ door: Int64) throws -> DoorKeys {
        if let k = limits.keys.get(door) { return k }
        let k = try ledger.doors.keys(door: door)
        limits.keys.set(door, k)
        return k
    }

    /// The form token a page carries: from the server, bound to the door, the page and a moment. A
    /// form sent back with a sentence (a name left out) keeps the moment its token was first issued,
    /// so a live door's page can't renew itself past its life by being refused.
    func formToken(_ door: DoorInfo, _ page: DoorKeys.Page, values: [String: String]) -> String {
        // Keys were read by the request that shows the form; a token that can't be made is one that
        // never verifies, and the next page load makes a good one.
        guard let keys = try? keys(door.id) else { return "" }
        let issued =
            values["csrf"].flatMap { keys.verify(formToken: $0, page, at: Date(), life: Self.formLife(door))?.issued }
            ?? Int(Date().timeIntervalSince1970)
        return keys.formToken(page, issued: issued, nonce: SessionService.random(9))
    }

    /// How long a page's form stays good: a live door's is short, since its code was fresh when the
    /// page was served.
    static func formLife(_ door: DoorInfo) -> Int { door.live ? 10 * 60 : 30 * 60 }

    /// A live door's page asks for the code on the screen at the venue: without a fresh one, the
    /// phone is told to scan the screen (a link copied and sent away stops working within minutes).
    static func scanTheScreen(_ door: DoorInfo, expired: Bool) -> Response {
        let text = expired ? Words.codeExpired : Words.scanScreen
        return response(
            .forbidden, title: text, body: "<p class=\"msg\">\(text)</p><p class=\"event\">\(door.eventTitle)</p>")
    }

    /// `GET /d/{token}`
    func page(_ request: Request, _ context: WebContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let door = try ledger.doors.door(token: token) else {
            return Self.response(.notFound, title: Words.notFound, body: "<p class=\"msg\">\(Words.notFound)</p>")
        }
        switch door.state(now: ledger.doors.now()) {
        case .ended: return Self.ended(door)
        case .notYet: return Self.notYet(door)
        case .open: break
        }
        if door.live {
            guard let code = request.uri.queryParameters.get("c") else {
                return Self.scanTheScreen(door, expired: false)
            }
            guard try keys(door.id).accepts(code: String(code), at: Date()) else {
                return Self.scanTheScreen(door, expired: true)
            }
        }
        _ = try keys(door.id)
        return form(door, token: token, error: nil, values: [:], status: .ok)
    }

    /// A POST to a door's page that has passed every check both pages make: the client address's
    /// limit, the body's size, a known and open door (with a volunteer call, for `call`), the page's
    /// form token, a name, a mainland mobile and that phone's limit.
    struct Admitted {
        var door: DoorInfo
        var fields: [String: String]
        var name: String
        var phone: String
        /// 单位/学校, when given: one line of at most 100 characters.
        var org: String?
        /// The client's address as its limits count it (an IPv6 /64).
        var address: String
    }

    /// The checks, in that order; a refusal is the answer to send. `form` shows the page's form again
    /// with a sentence.
    func admit(
        _ request: Request, _ context: WebContext, token: String, call: Bool,
        form: (DoorInfo, String, [String: String], HTTPResponse.Status) -> Response
    ) async throws -> Result<Admitted, Refusal> {
        let address = web.settings.clientAddress(request, context)
        guard limits.address.allow(ClientAddress.key(address)) else {
            return .failure(
                Refusal(
                    Self.response(.tooManyRequests, title: Words.flood, body: "<p class=\"msg\">\(Words.flood)</p>")))
        }
        let fields: [String: String]
        do { fields = try await formFields(request, limit: Self.maxBody) } catch let e as HTTPError
            where e.status == .contentTooLarge
        {
            return .failure(
                Refusal(
                    Self.response(
                        .contentTooLarge, title: Words.tooLarge, body: "<p class=\"msg\">\(Words.tooLarge)</p>")))
        }
        guard let door = try ledger.doors.door(token: token), !call || door.volunteers != nil else {
            return .failure(
                Refusal(Self.response(.notFound, title: Words.notFound, body: "<p class=\"msg\">\(Words.notFound)</p>"))
            )
        }
        switch door.state(now: ledger.doors.now()) {
        case .ended: return .failure(Refusal(Self.ended(door)))
        case .notYet: return .failure(Refusal(Self.notYet(door)))
        case .open: break
        }
        // The page's form token, made by this server for this door a short while ago and used once: a
        // made-up token, another door's or a replayed one is refused. At a live door, where the token
        // stands for a code fresh when the page was served, the phone is sent back to the screen.
        let keys = try keys(door.id)
        guard let sent = fields["csrf"],
            let nonce = keys.verify(formToken: sent, call ? .call : .signIn, at: Date(), life: Self.formLife(door))?
                .nonce,
            !limits.nonces.isUsed(nonce)
        else {
            if door.live && !call { return .failure(Refusal(Self.scanTheScreen(door, expired: true))) }
            return .failure(Refusal(form(door, Words.stale, fields, .forbidden)))
        }
        let name = String(CSVColumns.trim(TypedText.clean(fields["name"] ?? "", lines: false)).prefix(50))
        guard !name.isEmpty else {
            return .failure(Refusal(form(door, Words.emptyName, fields, .unprocessableContent)))
        }
        let phone: String
        do { phone = try Door.mobile(fields["phone"] ?? "") } catch let e as KepuError where !e.isDatabaseFailure {
            return .failure(Refusal(form(door, e.text(.zh, for: .web), fields, .unprocessableContent)))
        }
        guard limits.phone.allow(phone) else {
            return .failure(Refusal(form(door, Words.phoneAttempts, fields, .tooManyRequests)))
        }
        let org = String(CSVColumns.trim(TypedText.clean(fields["org"] ?? "", lines: false)).prefix(100))
        // Good once: a token that passed every check is spent (a refused form keeps the clerk's or the
        // visitor's token, and the page sent back carries a fresh one anyway).
        guard limits.nonces.use(nonce, for: TimeInterval(Self.formLife(door))) else {
            return .failure(Refusal(form(door, Words.stale, fields, .forbidden)))
        }
        return .success(
            Admitted(
                door: door, fields: fields, name: name, phone: phone, org: org.isEmpty ? nil : org,
                address: ClientAddress.key(address)))
    }

    /// The ledger a door's write goes through: the door as the operator in the audit trail.
    func ledger(as operatorName: String, _ page: String, event: Int64) -> Ledger {
        Ledger(
            database: ledger.database,
            context: AuditContext(
                operatorName: operatorName, command: "web: POST \(page)（活动 \(event)）", now: ledger.context.now,
                today: ledger.context.today))
    }

    /// `POST /d/{token}`: a sign-in, with the satisfaction answer when the door asks for one.
    func signIn(_ request: Request, _ context: WebContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let admitted: Admitted
        switch try await admit(
            request, context, token: token, call: false,
            form: { door, error, values, status in
                form(door, token: token, error: error, values: values, status: status)
            })
        {
        case .failure(let refusal): return refusal.response
        case .success(let a): admitted = a
        }
        let (door, fields, name, phone) = (admitted.door, admitted.fields, admitted.name, admitted.phone)
        guard limits.door.allow(String(door.id)) else {
            var r = form(door, token: token, error: Words.doorBusy, values: fields, status: .serviceUnavailable)
            r.headers[.retryAfter] = "5"
            return r
        }
        let org = admitted.org
        let answer = fields["satisfaction"].flatMap { Int($0) }.flatMap { (1...5).contains($0) ? $0 : nil }
        let doorLedger = ledger(as: "扫码签到", "/d/", event: door.event)
        let result: DoorSignIn
        do {
            result = try doorLedger.doors.signIn(
                door: door.id, name: name, phone: phone, org: org, satisfaction: door.survey ? answer : nil,
                address: admitted.address, paced: !ClientAddress.isThisMachine(admitted.address))
        } catch let e as KepuError where !e.isDatabaseFailure {
            // Closed since the check above: as any closed door.
            if case .noOpenDoor = e.problem { return Self.ended(door) }
            // The office's ledger refused it (a year locked meanwhile): the sentence, nothing counted.
            return form(door, token: token, error: e.text(.zh, for: .web), values: fields, status: e.webStatus)
        }
        let message: String
        switch result {
        case .counted(let n): message = Words.counted(n)
        case .already: message = Words.already
        case .held: message = Words.held
        }
        let body: HTML = """
            <p class="ok" role="status">\(message)</p>
            <p class="msg">\(Words.thanks)</p>
            <p class="event">\(door.eventTitle)</p>
            """
        return Self.response(.ok, title: message, body: body)
    }

    func form(
        _ door: DoorInfo, token: String, error: String?, values: [String: String], status: HTTPResponse.Status
    ) -> Response {
        let csrf = formToken(door, .signIn, values: values)
        let place = door.venue.map { "　" + $0 } ?? ""
        let dates = door.start == door.end ? door.start.description : "\(door.start) 至 \(door.end)"
        let buttons: HTML
        if door.survey {
            let answers: [HTML] = Words.answers.map { value, label in
                "<button type=\"submit\" name=\"satisfaction\" value=\"\(value)\" class=\"answer a\(value)\">\(label)</button>"
            }
            buttons = """
                <fieldset><legend>\(Words.question)</legend>\(answers)</fieldset>
                <button type="submit" class="plain">\(Words.justSignIn)</button>
                """
        } else {
            buttons = "<button type=\"submit\" class=\"go\">\(Words.signIn)</button>"
        }
        let body: HTML = """
            <h1>\(door.eventTitle)</h1>
            <p class="sub">\(dates)\(place)</p>
            \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML } ?? HTML())
            <form method="post" action="/d/\(token)" autocomplete="on">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label>\(Words.name)<input name="name" required maxlength="50" autocomplete="name" value="\(values["name"] ?? "")"></label>
            <label>\(Words.phone)<input name="phone" required inputmode="numeric" maxlength="20" autocomplete="tel" value="\(values["phone"] ?? "")"></label>
            <label>\(Words.org)<input name="org" maxlength="100" autocomplete="organization" value="\(values["org"] ?? "")"></label>
            \(buttons)
            </form>
            <p class="privacy">\(Words.privacy)</p>
            <p class="unit">\(door.unit)</p>
            """
        return Self.response(status, title: door.eventTitle + " · " + Words.signIn, body: body)
    }

    static func ended(_ door: DoorInfo) -> Response {
        response(
            .gone, title: Words.ended,
            body:
                "<p class=\"msg\">\(Words.ended)</p><p class=\"event\">\(door.eventTitle)</p><p class=\"sub\">\(Words.thanks)</p>"
        )
    }

    static func notYet(_ door: DoorInfo) -> Response {
        response(
            .gone, title: Words.notYet(door.from),
            body: "<p class=\"msg\">\(Words.notYet(door.from))</p><p class=\"event\">\(door.eventTitle)</p>")
    }

    /// A page of the door: its own small layout and stylesheet, nothing of the office's app.
    static func response(_ status: HTTPResponse.Status, title: String, body: HTML) -> Response {
        let html: HTML = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>\(title)</title>
            <link rel="stylesheet" href="/static/door.css">
            <link rel="icon" href="data:,">
            </head>
            <body><main>
            \(body)
            </main></body>
            </html>

            """
        return Page.response(status: status, html)
    }

    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 18px; line-height: 1.5; color: #1f2328; background: #f4f5f7; }
        main { max-width: 480px; margin: 0 auto; padding: 20px 18px 32px; background: #fff; min-height: 100vh; }
        h1 { font-size: 24px; margin: 4px 0 4px; line-height: 1.35; }
        .sub { color: #57606a; margin: 0 0 16px; font-size: 16px; }
        form { display: flex; flex-direction: column; gap: 14px; }
        label { display: flex; flex-direction: column; gap: 6px; font-weight: bold; }
        input { font-size: 20px; padding: 12px; border: 1px solid #8c959f; border-radius: 6px; width: 100%; font-weight: normal; }
        fieldset { border: 0; padding: 0; margin: 6px 0 0; display: flex; flex-direction: column; gap: 10px; }
        legend { font-weight: bold; margin-bottom: 10px; font-size: 19px; }
        button { font-size: 20px; padding: 14px; border-radius: 8px; border: 0; width: 100%; cursor: pointer; }
        button.go { background: #8b1a1a; color: #fff; font-size: 22px; }
        button.answer { background: #fdf1f1; color: #8b1a1a; border: 2px solid #8b1a1a; font-weight: bold; }
        button.a5, button.a4 { background: #8b1a1a; color: #fff; }
        button.plain { background: #fff; color: #57606a; border: 1px solid #8c959f; font-size: 17px; padding: 10px; }
        .error { color: #b42318; background: #fdecea; padding: 10px 12px; border: 1px solid #f5c2c0; border-radius: 6px; }
        .ok { color: #14662b; background: #e6f4ea; padding: 18px 14px; border: 1px solid #b7dfc2; border-radius: 8px; font-size: 22px; font-weight: bold; text-align: center; margin-top: 24px; }
        .msg { font-size: 22px; text-align: center; margin: 32px 0 8px; }
        .event { text-align: center; color: #57606a; }
        .privacy { font-size: 14px; color: #57606a; margin: 20px 0 0; }
        .unit { font-size: 14px; color: #57606a; text-align: center; margin: 24px 0 0; }
        """
}

/// A refused door POST: the page to answer with.
struct Refusal: Error {
    var response: Response
    init(_ response: Response) { self.response = response }
}

/// The door's rate limits: sliding one-minute windows, counted in memory per key.
final class RateWindow: @unchecked Sendable {
    private let lock = NSLock()
    /// Each key's attempts within the last minute, oldest first.
    private var attempts: [String: [Date]] = [:]
    let limit: Int
    let clock: @Sendable () -> Date

    init(limit: Int, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.clock = clock
    }

    /// Counts one more for `key`; false once `limit` attempts fall within the last 60 seconds. A sliding
    /// minute: a fixed one would let twice the limit through across a minute's edge, and forget a
    /// key's attempts at each edge.
    func allow(_ key: String) -> Bool {
        let now = clock()
        let since = now.addingTimeInterval(-60)
        return lock.withLock {
            if attempts.count > 100_000 {
                attempts = attempts.filter { ($0.value.last ?? .distantPast) > since }
            }
            var list = attempts[key, default: []]
            if let keep = list.firstIndex(where: { $0 > since }) {
                list.removeFirst(keep)
            } else {
                list.removeAll()
            }
            list.append(now)
            // A key over its limit stays counted only up to the limit, so memory stays bounded.
            if list.count > limit + 1 { list.removeFirst(list.count - limit - 1) }
            attempts[key] = list
            return list.count <= limit
        }
    }
}

/// Each door's pace: a bucket of `perMinute` sign-ins that refills at that rate (10 a second for 600),
/// so that a crowd arriving at once gets in (up to 600 straight away) while a sustained flood is held
/// to 600 a minute. A fixed window would turn people away at the start of every minute. Each key (a
/// door) has a bucket of its own: a flood at one door never closes another.
final class TokenBucket: @unchecked Sendable {
    private struct Bucket {
        var tokens: Double
        var last: Date
    }
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    let perMinute: Int
    let clock: @Sendable () -> Date

    init(perMinute: Int, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.perMinute = perMinute
        self.clock = clock
    }

    func allow(_ key: String) -> Bool {
        let now = clock()
        let rate = Double(perMinute) / 60
        return lock.withLock {
            if buckets.count > 10_000 {
                // A full bucket is as good as none: forget those, so memory stays bounded.
                buckets = buckets.filter {
                    $0.value.tokens + now.timeIntervalSince($0.value.last) * rate < Double(perMinute)
                }
            }
            var b = buckets[key] ?? Bucket(tokens: Double(perMinute), last: now)
            b.tokens = min(Double(perMinute), b.tokens + now.timeIntervalSince(b.last) * rate)
            b.last = now
            let allowed = b.tokens >= 1
            if allowed { b.tokens -= 1 }
            buckets[key] = b
            return allowed
        }
    }
}

/// Per phone, per door, per client address; and the form tokens used, and the doors' keys.
struct DoorLimits: Sendable {
    var phone = RateWindow(limit: 5)
    var door = TokenBucket(perMinute: 600)
    var address = RateWindow(limit: 300)
    var nonces = UsedNonces()
    var keys = DoorKeyCache()
}

/// The form tokens used, each remembered until it could no longer verify: a token is good once.
final class UsedNonces: @unchecked Sendable {
    private let lock = NSLock()
    private var used: [String: Date] = [:]

    /// Whether the token has been used.
    func isUsed(_ nonce: String, now: Date = Date()) -> Bool {
        lock.withLock { used[nonce].map { $0 > now } ?? false }
    }

    /// True the first time, false for a token used already.
    func use(_ nonce: String, for life: TimeInterval, now: Date = Date()) -> Bool {
        lock.withLock {
            if used.count > 200_000 { used = used.filter { $0.value > now } }
            if let until = used[nonce], until > now { return false }
            used[nonce] = now.addingTimeInterval(life + 10)
            return true
        }
    }
}

/// Each door's keys, once read.
final class DoorKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [Int64: DoorKeys] = [:]
    func get(_ door: Int64) -> DoorKeys? { lock.withLock { keys[door] } }
    func set(_ door: Int64, _ k: DoorKeys) {
        lock.withLock {
            if keys.count > 10_000 { keys.removeAll() }
            keys[door] = k
        }
    }
}
