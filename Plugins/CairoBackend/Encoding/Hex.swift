/// Bytes as hexadecimal digits, as SVG colours and PDF hex strings write them.
enum Hex {
    private static let digits: [Character] = Array("0123456789abcdef")

    /// Two lowercase digits, `0x0a` -> "0a".
    static func byte(_ b: UInt8) -> String {
        String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
