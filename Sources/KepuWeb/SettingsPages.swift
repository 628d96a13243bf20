import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

extension Label {
    fileprivate static let publicAddress = Label("手机访问地址", "Address phones reach")
    fileprivate static let publicAddressExplained = Label(
        "扫码签到的海报和链接用这个地址。请填写手机能打开的地址：本单位网络上这台服务器的地址（如 http://192.168.1.20:8080，手机须连接单位 Wi-Fi），或单位对外的网址（如 https://kepu.example.cn）。留空则使用你浏览器里的地址。",
        "Sign-in posters and links use this address. Give one phones can open: this server on the office's network (such as http://192.168.1.20:8080; phones on the office Wi-Fi), or the office's public address (such as https://kepu.example.cn). Leave it blank to use the address in your browser."
    )
    fileprivate static let nowUsed = Label("现在使用的地址", "Address used now")
    fileprivate static func givenAtStart(_ url: String) -> Label {
        Label(
            "启动服务时已指定对外地址 \(url)（--public-url 或 KEPU_PUBLIC_URL），它优先于这里的设置。",
            "The server was started with the address \(url) (--public-url or KEPU_PUBLIC_URL), which comes before this setting."
        )
    }
    fileprivate static let browsersOwn = Label("（未设置，使用浏览器里的地址）", "(not set: the browser's own address)")
    fileprivate static let reachThisComputer = Label(
        "只有这台电脑能打开，手机扫码打不开", "only this computer can open it; no phone can")
    fileprivate static let reachOfficeNetwork = Label("手机须连接本单位的网络才能打开", "phones must be on the office's network")
    fileprivate static let reachEveryone = Label("任何手机都能打开", "any phone can open it")
    fileprivate static let save = Label("保存", "Save")
}

/// 设置 (admins): the office's settings, kept in the database: the address phones reach the server at,
/// for a door's link and poster.
struct SettingsPages: PageGroup {
    let web: Web
    var lang: Language { web.lang }

    func addRoutes(to routes: PageRoutes) {
        routes.get("settings", use: settings)
        routes.post("settings", use: save)
    }

    /// `GET /settings`
    func settings(_ request: Request, _ context: WebContext) async throws -> Response {
        try await page(context, status: .ok, error: nil, typed: nil)
    }

    /// `POST /settings` (address): `kepu settings --public-url`; blank clears it.
    func save(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            var form = FormReader(fields, lang)
            let address = try form.optional("address", .publicAddress, PublicAddress.parse(_:field:))
            try form.finish()
            let kept = try web.ledger(for: user, request: request).settings.setPublicAddress(address)
            return await web.done(
                "/settings", context,
                notice: Catalogue.text(.publicAddressSet(url: kept?.url, reach: kept?.reach), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(
                context, status: e.webStatus, error: e.text(lang, for: .web), typed: fields["address"] ?? "")
        }
    }

    func page(_ context: WebContext, status: HTTPResponse.Status, error: String?, typed: String?) async throws
        -> Response
    {
        let kept = try web.ledger.settings.publicAddress()
        let used = try web.doorAddress(authority: context.authority)
        let reach: Label
        switch used.reach {
        case .thisComputer: reach = .reachThisComputer
        case .officeNetwork: reach = .reachOfficeNetwork
        case .everyone: reach = .reachEveryone
        }
        let given: HTML =
            web.settings.publicURL.map { "<p class=\"warning\">\(lang.t(.givenAtStart($0)))</p>" } ?? HTML()
        let body: HTML = """
            <section id="address"><h2>\(lang.t(.publicAddress))</h2>
            <p class="sub">\(lang.t(.publicAddressExplained))</p>
            \(given)
            <p>\(lang.t(.nowUsed))：<strong>\(used.url)</strong>\(kept == nil && web.settings.publicURL == nil ? lang.t(.browsersOwn) : "")（\(lang.t(reach))）</p>
            \(web.error(error, form: "address-form"))
            <form method="post" action="/settings#address" class="record"\(Page.formAttributes("address-form", refused: error != nil))>\(Page.csrfField(context))
            <label>\(lang.t(.publicAddress))<input name="address" value="\(typed ?? kept?.url ?? "")" placeholder="http://192.168.1.20:8080" inputmode="url" autocomplete="off"></label>
            <button type="submit">\(lang.t(.save))</button>
            </form></section>
            """
        return await web.page(lang.t(.settings), context, body: body, status: status)
    }
}
