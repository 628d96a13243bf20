/// Terminal column width of text: East Asian wide and fullwidth characters take two columns.
public func displayWidth(_ s: String) -> Int {
    var w = 0
    for u in s.unicodeScalars { w += scalarWidth(u) }
    return w
}

func scalarWidth(_ u: Unicode.Scalar) -> Int {
    let v = u.value
    if v == 0 || (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
    if v < 0x1100 { return 1 }
    // East Asian Wide (W) and Fullwidth (F) ranges.
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
}

/// Pads to a display width, keeping CJK columns aligned.
func pad(_ s: String, to width: Int, _ alignment: Alignment) -> String {
    let gap = max(0, width - displayWidth(s))
    switch alignment {
    case .left: return s + String(repeating: " ", count: gap)
    case .right: return String(repeating: " ", count: gap) + s
    case .center:
        let l = gap / 2
        return String(repeating: " ", count: l) + s + String(repeating: " ", count: gap - l)
    }
}
