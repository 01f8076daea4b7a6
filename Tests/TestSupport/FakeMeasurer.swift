import Foundation
import HeatGridCore

/// Text metrics computable by hand, so text fitting and layout are tested without fonts: every
/// character 0.6 em wide but "i" and "l" (0.3 em) and "." (0.05 em, narrower than the text
/// fitter's guess assumes); ascent 0.93 em and descent 0.24 em (DejaVu Sans-like line metrics).
///
/// A class, because it counts what it measures (calls, characters, the longest text) for tests of
/// how much measuring costs, and the count must be shared by every copy of the measurer that the
/// code under test keeps.
public final class FakeMeasurer: TextMeasurer, @unchecked Sendable {
    private let lock = NSLock()
    private var counts = (calls: 0, characters: 0, longest: 0)

    public init() {}

    /// The advance of `character`, in em.
    public static func advance(_ character: Character) -> Double {
        switch character {
        case "i", "l": 0.3
        case ".": 0.05
        default: 0.6
        }
    }

    /// The width of `text` set at `size` points.
    public static func width(_ text: String, size: Double) -> Double { text.reduce(0) { $0 + advance($1) * size } }

    public func measure(_ text: String, font: FontSpec) throws -> TextMetrics {
        lock.withLock {
            counts.calls += 1
            counts.characters += text.count
            counts.longest = max(counts.longest, text.count)
        }
        return TextMetrics(width: Self.width(text, size: font.size), ascent: 0.93 * font.size, descent: 0.24 * font.size)
    }

    /// How many texts were measured.
    public var calls: Int { lock.withLock { counts.calls } }
    /// How many characters they held together.
    public var characters: Int { lock.withLock { counts.characters } }
    /// The most characters in one of them.
    public var longest: Int { lock.withLock { counts.longest } }
}
