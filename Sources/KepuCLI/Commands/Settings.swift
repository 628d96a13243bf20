import ArgumentParser
import KepuCore

/// `kepu settings`: the office's settings, as the web's 设置 page shows and changes them.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "查看或修改本单位的设置 · Show or change the office's settings.",
        discussion: """
            示例 · Examples:
              kepu settings
              kepu settings --public-url http://192.168.1.20:8080
              kepu settings --clear-public-url
            """)
    @Option(
        help: ArgumentHelp(
            "手机访问本服务的地址，用于扫码签到的链接和海报 · The address phones reach the server at, for sign-in links and posters.",
            valueName: "url"))
    var publicUrl: String?
    @Flag(help: "清除手机访问地址（签到链接改用浏览器里的地址）· Clear it: links use the browser's own address.")
    var clearPublicUrl = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let settings = try options.ledger().settings
        if clearPublicUrl {
            try settings.setPublicAddress(nil)
            console.say(.publicAddressSet(url: nil, reach: nil))
        } else if let publicUrl {
            let address = try PublicAddress.parse(publicUrl, field: .named("--public-url"))
            try settings.setPublicAddress(address)
            console.say(.publicAddressSet(url: address.url, reach: address.reach))
        } else {
            let address = try settings.publicAddress()
            console.out(lang.t("手机访问地址：", "address phones reach: ") + (address?.url ?? lang.t("（未设置）", "(not set)")))
        }
    }
}
