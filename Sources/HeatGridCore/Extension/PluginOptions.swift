/// One key a plugin reads from the spec section it answers to (`layout.rows` for the grid layout,
/// `scale.gamma` for `pow`, `data.value` for the CSV source, `svg.text` for the SVG backend):
/// what `heatgrid describe` lists, and what the renderer checks a spec against, so a runtime
/// plugin's options are checked like the built-ins'.
///
///     PluginOption("rows", .integer, default: "2", doc: "rows of small multiples")
public struct PluginOption: Sendable, Equatable {
    /// What a value must be.
    public indirect enum Kind: Sendable, Equatable, CustomStringConvertible {
        /// Any finite number.
        case number
        /// A whole number.
        case integer
        /// `true` or `false`.
        case boolean
        /// Any string.
        case string
        /// One of these strings.
        case choice([String])
        /// A list whose items are each of this kind.
        case list(Kind)
        /// A length: `"3mm"`, `"0.5in"`, `"6pt"`, `"20px"`, or a bare number of points.
        case length
        /// A hex colour: `"#rrggbb"`, `"#rgb"` or `"#rrggbbaa"`.
        case color
        /// Anything; the plugin checks it when it reads it.
        case any

        /// Whether `value` is of this kind.
        public func accepts(_ value: SpecValue) -> Bool {
            switch self {
            case .number: return Double(specValue: value) != nil
            case .integer: return Int(specValue: value) != nil
            case .boolean: return Bool(specValue: value) != nil
            case .string: return String(specValue: value) != nil
            case .choice(let choices): return String(specValue: value).map(choices.contains) ?? false
            case .list(let item):
                guard case .list(let items) = value else { return false }
                return items.allSatisfy(item.accepts)
            case .length: return Length(specValue: value) != nil
            case .color: return RGBA(specValue: value) != nil
            case .any: return true
            }
        }

        /// What a spec must give, for error messages: "a whole number", "one of "row", "column"".
        public var expectation: String {
            switch self {
            case .number: return Double.expectation
            case .integer: return Int.expectation
            case .boolean: return Bool.expectation
            case .string: return String.expectation
            case .choice(let choices): return "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
            case .list(let item): return "a list, each item \(item.expectation)"
            case .length: return Length.expectation
            case .color: return RGBA.expectation
            case .any: return "any value"
            }
        }

        /// The short type name `heatgrid describe` shows: `integer`, `row|column`, `[string]`.
        public var description: String {
            switch self {
            case .number: return "number"
            case .integer: return "integer"
            case .boolean: return "boolean"
            case .string: return "string"
            case .choice(let choices): return choices.joined(separator: "|")
            case .list(let item): return "[\(item)]"
            case .length: return "length"
            case .color: return "color"
            case .any: return "any"
            }
        }
    }

    /// The key, as written in the spec section (`"rows"` for `layout.rows`).
    public var name: String
    public var kind: Kind
    /// The default as shown to users ("0.5", "row", "the data's extent"); "—" for none.
    public var defaultValue: String
    /// One line: what the option does.
    public var doc: String

    public init(_ name: String, _ kind: Kind, default defaultValue: String = "—", doc: String) {
        self.name = name; self.kind = kind; self.defaultValue = defaultValue; self.doc = doc
    }
}

/// What every plugin says about itself: a one-line summary and the options it reads from the spec
/// section it answers to. `Layout`, `ScaleProvider`, `DataSource`, `Backend` and
/// `ColormapImporter` refine it; both requirements have defaults (no summary, no options), so a
/// plugin declares only what it has:
///
///     extension MyLayout {
///         var summary: String { "one big panel, the others small beside it" }
///         var options: [PluginOption] { [PluginOption("rows", .integer, doc: "rows of small multiples")] }
///     }
///
/// A key in the plugin's section that is neither the core's (like `layout.type`) nor one of its
/// options is an error naming the key and the nearest option, before the plugin runs; values are
/// checked against each option's kind. The plugin reads its options with the requests'
/// `option(_:as:)`.
public protocol PluginDescribing: Sendable {
    /// One line describing the plugin, for `heatgrid describe`.
    var summary: String { get }
    /// The keys it reads from its spec section.
    var options: [PluginOption] { get }
}

extension PluginDescribing {
    public var summary: String { "" }
    public var options: [PluginOption] { [] }
}
