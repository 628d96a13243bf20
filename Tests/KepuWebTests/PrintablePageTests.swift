import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// The printable 自评 opens in the browser with 打印 and 返回 above it, on the screen only.
@Suite struct PrintablePageTests {
    @Test func thePrintablePageHasPrintAndBack() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(
                uri: "/self-evaluation/download?year=2023&format=html", method: .get, headers: cookie
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<button type=\"button\" id=\"print\">打印</button>"))
                #expect(r.text.contains("<a href=\"/self-evaluation?year=2023\">返回自评</a>"))
                #expect(r.text.contains("@media print { .print-bar { display: none; } }"))
                #expect(r.text.contains("<script src=\"/static/print.js\"></script></body>"))
                #expect(r.text.contains("default-src 'none'; script-src 'self'; style-src 'unsafe-inline';"))
            }
            try await client.execute(uri: "/static/print.js", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("window.print()"))
            }
        }
    }
}
