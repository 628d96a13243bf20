import Foundation
import Hummingbird
import KepuCore
import KepuStore

extension Label {
    fileprivate static let myAccount = Label("我的账户", "My account")
    fileprivate static let accountName = Label("用户名", "Name")
    fileprivate static let accountRole = Label("角色", "Role")
    fileprivate static let clerkMay = Label(
        "录入员可以录入和更正活动、人次、经费、志愿者等记录。", "A clerk records and corrects the office's records.")
    fileprivate static let reviewerMay = Label(
        "审核员还可以填写偏差原因、人工评分和封账。", "A reviewer also writes deviation notes and manual scores, and locks a year.")
    fileprivate static let adminMay = Label(
        "管理员还可以管理用户、修改设置和解除封账。", "An admin also manages users and settings, and unlocks a year.")
    fileprivate static let changeOwnPassword = Label("修改密码", "Change your password")
    fileprivate static let changingExplained = Label(
        "修改后，你在其他电脑、手机或浏览器上的登录会全部退出，这里的登录保留。API 令牌不受影响。",
        "Once it is changed, your sign-ins on other computers, phones or browsers end; this one stays. API tokens are not affected."
    )
    fileprivate static let currentPassword = Label("当前密码", "Current password")
    fileprivate static let newPassword = Label("新密码（至少 8 个字符）", "New password (8 characters or more)")
    fileprivate static let newPasswordAgain = Label("再输入一次新密码", "The new password again")
    fileprivate static let changeIt = Label("修改密码", "Change the password")
}

/// 我的账户 (every signed-in user): who one is signed in as, and a form to change one's own password.
struct AccountPages: PageGroup {
    let web: Web
    var lang: Language { web.lang }

    func addRoutes(to routes: PageRoutes) {
        routes.get("account", role: .clerk, use: account)
        routes.post("account/password", role: .clerk, use: changePassword)
    }

    /// `GET /account`
    func account(_ request: Request, _ context: WebContext) async throws -> Response {
        try await page(context, status: .ok, error: nil)
    }

    /// `POST /account/password` (current, new, again): one's own password. Every refusal at once (the
    /// current password wrong, the new one too weak or too long, the two differing); then every other
    /// session of the user ends, this one stays. No password is ever written back into the form.
    func changePassword(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let current = fields["passwordCurrent"] ?? ""
        let new = fields["password"] ?? ""
        let again = fields["passwordAgain"] ?? ""
        do {
            let users = web.ledger(for: user, request: request).users
            var form = FormReader(fields, lang)
            try form.check { guard new == again else { throw KepuError(.passwordsDiffer) } }
            var ended = 0
            if form.problems.isEmpty {
                // The store checks the current password and the new one's rules (all refusals together)
                // and writes only when both pass: one bcrypt check, not two.
                try form.check {
                    ended = try users.changePassword(
                        name: user.name, current: current, new: new, keeping: context.sessionID)
                }
            } else {
                // Refused already: what else is wrong is said too, and nothing is written.
                try form.check { try users.checkPasswordChange(name: user.name, current: current, new: new) }
            }
            try form.finish()
            return await web.done(
                "/account", context, notice: Catalogue.text(Notice.ownPasswordChanged(othersEnded: ended), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(context, status: e.webStatus, error: e.text(lang, for: .web))
        }
    }

    func page(_ context: WebContext, status: HTTPResponse.Status, error: String?) async throws -> Response {
        let user = try context.pageUser()
        let may: [Label] =
            switch user.role {
            case .clerk: [.clerkMay]
            case .reviewer: [.clerkMay, .reviewerMay]
            case .admin: [.clerkMay, .reviewerMay, .adminMay]
            }
        let roleExplained = may.map { lang.t($0) }.joined(separator: lang == .zh ? "" : " ")
        let body: HTML = """
            <section id="me">
            <p>\(lang.t(.accountName))：<strong>\(user.name)</strong>　\(lang.t(.accountRole))：<strong>\(lang.role(user.role))</strong></p>
            <p class="sub">\(roleExplained)</p></section>
            <section><h2>\(lang.t(.changeOwnPassword))</h2>
            <p class="sub">\(lang.t(.changingExplained))</p>
            \(web.error(error, form: "password"))
            <form method="post" action="/account/password#password" class="record"\(Page.formAttributes("password", refused: error != nil))>\(Page.csrfField(context))
            <label>\(lang.t(.currentPassword))<input name="passwordCurrent" type="password" required autocomplete="current-password"></label>
            <label>\(lang.t(.newPassword))<input name="password" type="password" required autocomplete="new-password"></label>
            <label>\(lang.t(.newPasswordAgain))<input name="passwordAgain" type="password" required autocomplete="new-password"></label>
            <button type="submit">\(lang.t(.changeIt))</button>
            </form></section>
            """
        return await web.page(lang.t(.myAccount), context, body: body, status: status)
    }
}
