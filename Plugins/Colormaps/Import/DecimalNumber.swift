/// Plain decimal numbers only: Swift's `Double(_:)` also takes "nan", "inf" and hexadecimal
/// floats, none of which belong in a colour file.
enum DecimalNumber {
    static func parse(_ text: String) -> Double? {
        var sawDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": sawDigit = true
            case ".", "e", "E", "+", "-": break  // where they may go is `Double(_:)`'s business
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
