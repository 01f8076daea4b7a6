import Foundation
import HeatGridCore

/// A built-in colormap as the library stores it: its names, kind, source and size are read when
/// HeatGrid starts, its colours are decoded the first time the map is used and then kept, so
/// starting costs next to nothing however many maps the library holds.
public struct StoredColormap: Colormap {
    public let name: String
    /// Other names that reach the same colours (`grey` for `gray`, `CET_L3` for `fire`).
    public let aliases: [String]
    public let kind: ColormapKind?
    public let source: String?
    public let resolution: Int
    private let decoded: DecodedOnce

    /// A map named `name` of `count` colours, which `decode` makes when first asked for.
    init(name: String, aliases: [String], kind: ColormapKind, source: String, count: Int,
         decode: @escaping @Sendable () -> [RGBA]) {
        self.name = name; self.aliases = aliases; self.kind = kind; self.source = source; resolution = count
        decoded = DecodedOnce { LookupTableColormap(name: name, table: decode(), kind: kind, source: source) }
    }

    /// The colours as a lookup table, decoded on first use.
    public var lookupTable: LookupTableColormap { decoded.value }

    /// The colours, first to last.
    public var colors: [RGBA] { decoded.value.table }

    public func color(at t: Double) -> RGBA { decoded.value.color(at: t) }

    /// The table reversed (decoded now), so `NAME_r` looks up exactly as the published table backwards.
    public func reversedColormap() -> any Colormap { lookupTable.reversed }
}

/// The decoded table, made by whichever thread asks first and shared from then on.
private final class DecodedOnce: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> LookupTableColormap
    private var made: LookupTableColormap?

    init(_ make: @escaping @Sendable () -> LookupTableColormap) { self.make = make }

    var value: LookupTableColormap {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
