import Foundation
import Hummingbird
import KepuCore
import KepuStore

/// The volunteer call of a door (`/v/TOKEN`): 姓名, 手机号, 单位; each answer waits for the clerk to
/// confirm it with hours on the event's page. The same limits as the sign-in.
extension DoorPages {
    enum CallWords {
        static let title = "志愿者报名"
        static let intro = "本次活动招募志愿者。报名后由工作人员确认，服务时长以确认为准。"
        static let org = "单位/学校"
        static let submit = "报名"
        static func recorded(_ n: Int64) -> String { "报名成功，您是第 \(n) 位报名者；工作人员确认后计入志愿服务" }
        static let already = "您已报名，无需重复报名"
        static func full(_ n: Int64) -> String { "志愿者名额（\(n) 人）已满，感谢关注" }
        static let noCall = "这个活动没有招募志愿者"
        static let privacy = "我们只收集姓名、手机号和单位，用于登记志愿服务，不会公开或另作他用。"
    }

    /// `GET /v/{token}`
    func callPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let door = try ledger.doors.door(token: token) else {
            return Self.response(.notFound, title: Words.notFound, body: "<p class=\"msg\">\(Words.notFound)</p>")
        }
        guard door.volunteers != nil else {
            return Self.response(.notFound, title: CallWords.noCall, body: "<p class=\"msg\">\(CallWords.noCall)</p>")
        }
        switch door.state(now: ledger.doors.now()) {
        case .ended: return Self.ended(door)
        case .notYet: return Self.notYet(door)
        case .open:
            _ = try keys(door.id)
            return callForm(door, token: token, error: nil, values: [:], status: .ok)
        }
    }

    /// `POST /v/{token}`
    func answerCall(_ request: Request, _ context: WebContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let admitted: Admitted
        switch try await admit(
            request, context, token: token, call: true,
            form: { door, error, values, status in
                callForm(door, token: token, error: error, values: values, status: status)
            })
        {
        case .failure(let refusal): return refusal.response
        case .success(let a): admitted = a
        }
        let (door, fields, name, phone) = (admitted.door, admitted.fields, admitted.name, admitted.phone)
        let doorLedger = ledger(as: "扫码报名", "/v/", event: door.event)
        let message: String
        do {
            switch try doorLedger.doors.answerCall(
                door: door.id, name: name, phone: phone, org: admitted.org)
            {
            case .recorded(let n): message = CallWords.recorded(n)
            case .already: message = CallWords.already
            case .full(let n): message = CallWords.full(n)
            }
        } catch let e as KepuError where !e.isDatabaseFailure {
            if case .noOpenDoor = e.problem { return Self.ended(door) }
            return callForm(door, token: token, error: e.text(.zh, for: .web), values: fields, status: e.webStatus)
        }
        return Self.response(
            .ok, title: message,
            body: "<p class=\"ok\" role=\"status\">\(message)</p><p class=\"event\">\(door.eventTitle)</p>")
    }

    func callForm(
        _ door: DoorInfo, token: String, error: String?, values: [String: String], status: HTTPResponse.Status
    ) -> Response {
        let csrf = formToken(door, .call, values: values)
        let body: HTML = """
            <h1>\(door.eventTitle)</h1>
            <p class="sub">\(CallWords.title)　\(door.start)\(door.venue.map { "　" + $0 } ?? "")</p>
            <p>\(CallWords.intro)</p>
            \(error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML } ?? HTML())
            <form method="post" action="/v/\(token)" autocomplete="on">
            <input type="hidden" name="csrf" value="\(csrf)">
            <label>\(Words.name)<input name="name" required maxlength="50" autocomplete="name" value="\(values["name"] ?? "")"></label>
            <label>\(Words.phone)<input name="phone" required inputmode="numeric" maxlength="20" autocomplete="tel" value="\(values["phone"] ?? "")"></label>
            <label>\(CallWords.org)<input name="org" maxlength="100" autocomplete="organization" value="\(values["org"] ?? "")"></label>
            <button type="submit" class="go">\(CallWords.submit)</button>
            </form>
            <p class="privacy">\(CallWords.privacy)</p>
            <p class="unit">\(door.unit)</p>
            """
        return Self.response(status, title: door.eventTitle + " · " + CallWords.title, body: body)
    }
}
