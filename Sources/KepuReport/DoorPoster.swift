import KepuCore

/// The poster put up at an event's door: the QR code of its sign-in link, the event, and what to do,
/// on one A4 page. The same page from `kepu event door --poster` and from the web app.
public enum DoorPoster {
    public static func html(_ door: DoorInfo, url: String, lang: Language = .zh) throws -> String {
        let code = try QRCode(url)
        let e = Markup.text
        let dates = door.start == door.end ? door.start.description : "\(door.start) 至 \(door.end)"
        let window = "\(Door.display(door.from)) – \(Door.display(door.until))"
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(e(door.eventTitle)) · 扫码签到</title>
            <style>
            @page { size: A4; margin: 15mm; }
            * { box-sizing: border-box; }
            body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f2328; }
            .poster { width: 180mm; height: 265mm; margin: 0 auto; display: flex; flex-direction: column; align-items: center; justify-content: space-between; text-align: center; padding: 8mm 0; }
            h1 { font-size: 30pt; margin: 0; line-height: 1.3; }
            .when { font-size: 15pt; margin: 4mm 0 0; color: #333; }
            .call { font-size: 34pt; font-weight: bold; color: #8b1a1a; letter-spacing: 4pt; margin: 0; }
            .code { width: 120mm; height: 120mm; }
            .code svg { width: 100%; height: 100%; display: block; }
            .hint { font-size: 13pt; color: #444; margin: 0; }
            .url { font-family: monospace; font-size: 9pt; color: #666; word-break: break-all; margin: 2mm 0 0; }
            .unit { font-size: 16pt; margin: 0; }
            </style>
            </head>
            <body>
            <div class="poster">
            <div><h1>\(e(door.eventTitle))</h1>
            <p class="when">\(e(dates))\(door.venue.map { "　" + e($0) } ?? "")</p></div>
            <p class="call">微信扫码签到</p>
            <div class="code">\(code.svg(title: "扫码签到：" + url))</div>
            <div><p class="hint">签到时间 \(e(window))\(door.survey ? "　签到时请为本次活动的满意度打分" : "")</p>
            <p class="url">\(e(url))</p></div>
            <p class="unit">\(e(door.unit))</p>
            </div>
            </body>
            </html>

            """
    }
}

extension DoorPoster {
    /// A live door's screen at the venue, opened full-screen by the clerk: the QR code of the link with
    /// the code of the moment, the event, and today's count. It reloads itself when the code changes
    /// (`refresh` seconds), so a phone always scans a fresh one.
    public static func screen(_ door: DoorInfo, url: String, signedInToday: Int64, refresh: Int) throws -> String {
        let code = try QRCode(url)
        let e = Markup.text
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="refresh" content="\(refresh)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(door.eventTitle)) · 现场签到屏</title>
            <style>
            * { box-sizing: border-box; }
            html, body { height: 100%; margin: 0; }
            body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1f2328; background: #fff; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; }
            h1 { font-size: 4.5vh; margin: 0 4vw 1vh; line-height: 1.3; }
            .call { font-size: 6vh; font-weight: bold; color: #8b1a1a; letter-spacing: 0.5vh; margin: 1vh 0; }
            .code { width: 62vh; height: 62vh; max-width: 90vw; max-height: 90vw; }
            .code svg { width: 100%; height: 100%; display: block; }
            .hint { font-size: 2.6vh; color: #444; margin: 1vh 0 0; }
            .count { font-size: 3.2vh; margin: 1vh 0 0; }
            </style>
            </head>
            <body>
            <h1>\(e(door.eventTitle))</h1>
            <p class="call">微信扫码签到</p>
            <div class="code">\(code.svg(title: "扫码签到"))</div>
            <p class="hint">二维码每 \(Door.codePeriod) 秒更新一次，请扫描屏幕上的最新二维码</p>
            <p class="count">今天已签到 \(signedInToday) 人</p>
            </body>
            </html>

            """
    }
}
