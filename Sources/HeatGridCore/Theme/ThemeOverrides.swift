import Foundation

/// Theme keys set one by one on top of a base theme: a theme file's keys, or the spec's
///
///     "theme": {"base": "presentation", "titleSize": 14, "background": "#fafafa"}
///
/// Values are checked when read (colours parse, sizes are finite and not negative), so a bad
/// override fails with the spec's file and key, before any data is read.
public struct ThemeOverrides: Sendable, Equatable {
    /// One theme value.
    public enum Value: Sendable, Equatable {
        case text(String)
        case color(RGBA)
        case size(Double)
    }

    /// The values set, by theme key ("titleSize").
    public private(set) var values: [String: Value] = [:]

    public init() {}

    /// Whether no key is set.
    public var isEmpty: Bool { values.isEmpty }

    /// Every key a theme has, in declaration order.
    public static var keys: [String] { Theme.CodingKeys.allCases.map(\.stringValue) }

    /// Sets `key` (a theme key) to `value`; throws when the key is unknown or the value has the wrong kind.
    public mutating func set(_ key: String, to value: Value) throws {
        guard let field = Theme.CodingKeys(stringValue: key) else {
            let hint = nearest(to: key, in: Self.keys).map { "; did you mean '\($0)'?" } ?? ""
            throw HeatGridError.spec(file: "theme", key: key, message: "unknown theme key\(hint)")
        }
        switch (Self.kind(of: field), value) {
        case (.text, .text), (.color, .color): break
        case (.size, .size(let v)) where v.isFinite && v >= 0: break
        default:
            throw HeatGridError.spec(file: "theme", key: key, message: "expected \(Self.kind(of: field).expected)")
        }
        values[key] = value
    }

    /// `theme` with these values.
    public func applied(to theme: Theme) -> Theme {
        var theme = theme
        for key in Theme.CodingKeys.allCases {
            guard let value = values[key.stringValue] else { continue }
            switch (key, value) {
            case (.fontFamily, .text(let v)): theme.fontFamily = v
            case (.fontFile, .text(let v)): theme.fontFile = v
            case (.background, .color(let v)): theme.background = v
            case (.textColor, .color(let v)): theme.textColor = v
            case (.axisColor, .color(let v)): theme.axisColor = v
            case (.badColor, .color(let v)): theme.badColor = v
            case (.titleSize, .size(let v)): theme.titleSize = v
            case (.axisTitleSize, .size(let v)): theme.axisTitleSize = v
            case (.tickLabelSize, .size(let v)): theme.tickLabelSize = v
            case (.tickLength, .size(let v)): theme.tickLength = v
            case (.tickWidth, .size(let v)): theme.tickWidth = v
            case (.frameWidth, .size(let v)): theme.frameWidth = v
            case (.tickPad, .size(let v)): theme.tickPad = v
            case (.titlePad, .size(let v)): theme.titlePad = v
            case (.axisTitlePad, .size(let v)): theme.axisTitlePad = v
            case (.panelSpacing, .size(let v)): theme.panelSpacing = v
            case (.rowSpacing, .size(let v)): theme.rowSpacing = v
            case (.margin, .size(let v)): theme.margin = v
            case (.colorbarWidth, .size(let v)): theme.colorbarWidth = v
            case (.colorbarPad, .size(let v)): theme.colorbarPad = v
            case (.minBody, .size(let v)): theme.minBody = v
            case (.minColorbarLength, .size(let v)): theme.minColorbarLength = v
            default: assertionFailure("theme key \(key) holds \(value)")  // `set` checks kinds
            }
        }
        return theme
    }

    /// `applied(to:)`, with a relative `fontFile` resolved against `fontFolder` and checked to exist.
    func applied(to theme: Theme, fontFolder: URL, file: String, key: String) throws -> Theme {
        var theme = applied(to: theme)
        if case .text(let path)? = values[Theme.CodingKeys.fontFile.stringValue] {
            let url = fontFolder.resolvingSpecPath(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw HeatGridError.spec(file: file, key: key, message: "font file '\(path)' does not exist (\(url.path))")
            }
            theme.fontFile = url.path
        }
        return theme
    }

    /// Reads every theme key present in `decoder`'s object (the caller rejects unknown keys).
    init(decoding decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Theme.CodingKeys.self)
        for key in Theme.CodingKeys.allCases where c.contains(key) {
            switch Self.kind(of: key) {
            case .text:
                let text = try c.decode(String.self, forKey: key)
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected a non-empty name")
                }
                values[key.stringValue] = .text(text)
            case .color:
                values[key.stringValue] = .color(try c.decode(RGBA.self, forKey: key))
            case .size:
                let v = try c.decode(Double.self, forKey: key)
                guard v.isFinite, v >= 0 else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c,
                        debugDescription: "expected a non-negative size in points, found \(v)")
                }
                values[key.stringValue] = .size(v)
            }
        }
    }

    enum Kind {
        case text, color, size
        var expected: String {
            switch self {
            case .text: "a name"
            case .color: "a colour like \"#1f77b4\""
            case .size: "a non-negative size in points"
            }
        }
    }

    static func kind(of key: Theme.CodingKeys) -> Kind {
        switch key {
        case .fontFamily, .fontFile: .text
        case .background, .textColor, .axisColor, .badColor: .color
        default: .size
        }
    }
}

/// The keys of a theme object: `base` plus every theme key.
struct ThemeObjectKey: CodingKey, CaseIterable {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static let base = ThemeObjectKey(stringValue: "base")
    static var allCases: [ThemeObjectKey] { [base] + ThemeOverrides.keys.map(ThemeObjectKey.init(stringValue:)) }
}

/// The `theme` key of a spec, or a theme file: a name or file (a string), or an object with an
/// optional `base` (a built-in name or a theme file; default `paper`) and theme keys on top.
struct ThemeSpec: Decodable, Sendable, Equatable {
    var base: String?
    var overrides: ThemeOverrides

    init(base: String?, overrides: ThemeOverrides = ThemeOverrides()) {
        self.base = base; self.overrides = overrides
    }

    init(from decoder: Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self.init(base: name)
            return
        }
        try decoder.rejectUnknownKeys(ThemeObjectKey.self)
        let c = try decoder.container(keyedBy: ThemeObjectKey.self)
        let base = try c.decodeIfPresent(String.self, forKey: .base)
        if let base, base.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .base, in: c,
                debugDescription: "expected a built-in theme name or a theme file")
        }
        self.init(base: base, overrides: try ThemeOverrides(decoding: decoder))
    }
}
