/// One entry of the spec's `marks` list: the mark plugin (`type`), the cells it applies to
/// (`select`), its legend text, and every other key as the plugin's option.
///
///     {"type": "outline", "select": {"top": 3, "per": "panel"}, "color": "#ff0000", "legend": "top-3 heads"}
public struct MarkSpec: Sendable, Equatable, Codable, PluginSection {
    /// The mark's type ("outline", "mask", "symbols", "region", or a plugin's).
    public var type: String
    /// Which cells; nil selects none (a mark that finds its own cells, like `region`).
    public var select: SelectSpec?
    /// Text for the mark's entry in the legend area; nil for none.
    public var legend: String?
    /// Every other key as written: the mark's options.
    public var options: [String: SpecValue]
    /// Its position in `marks`, for messages (`marks[2].color`).
    public var index: Int = 0

    public static let key = "marks"
    public static let coreKeys = ["type", "select", "legend"]
    public var keyPath: String { "marks[\(index)]" }

    public init(type: String, select: SelectSpec? = nil, legend: String? = nil, options: [String: SpecValue] = [:], index: Int = 0) {
        self.type = type; self.select = select; self.legend = legend; self.options = options; self.index = index
    }

    enum CodingKeys: String, CodingKey { case type, select, legend }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        select = try c.decodeIfPresent(SelectSpec.self, forKey: .select)
        legend = try c.decodeIfPresent(String.self, forKey: .legend)
        var all = try decoder.singleValueContainer().decode([String: SpecValue].self)
        for key in Self.coreKeys { all.removeValue(forKey: key) }
        options = all
    }

    public func encode(to encoder: Encoder) throws {
        var all = options
        all["type"] = .string(type)
        if let legend { all["legend"] = .string(legend) }
        var c = encoder.singleValueContainer()
        try c.encode(all)
    }
}

/// Which cells a mark applies to (`marks[i].select`). Cells are named by the data's keys, so a
/// selection follows its cells through any order.
///
///     {"top": 3, "per": "panel"}          // the 3 largest of each panel (all tied at the 3rd too)
///     {"bottom": 10, "per": "figure"}     // the 10 smallest of the whole figure
///     {"above": 0.002}  {"below": 0.0001}
///     {"cells": [[18, 6], [19, 6]], "panel": "Retrieval"}   // row and column keys
///     {"path": "mask.csv", "value": "selected"}              // nonzero cells of a second matrix
///     {"triangle": "upper", "diagonal": false}               // as drawn
public enum SelectSpec: Sendable, Equatable, Codable {
    case top(Int, perFigure: Bool)
    case bottom(Int, perFigure: Bool)
    case above(Double)
    case below(Double)
    case cells([[String]], panel: String?)
    case file(SpecValue)
    case triangle(upper: Bool, diagonal: Bool)

    static let keys = ["top", "bottom", "per", "above", "below", "cells", "panel", "path", "value", "format", "triangle", "diagonal"]

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let object = try? c.decode([String: SpecValue].self) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected an object such as {\"top\": 3} or {\"triangle\": \"upper\"}")
        }
        func fail(_ message: String) -> DecodingError { DecodingError.dataCorruptedError(in: c, debugDescription: message) }
        for key in object.keys.sorted() where !Self.keys.contains(key) {
            let hint = nearest(to: key, in: Self.keys).map { "; did you mean '\($0)'?" } ?? ""
            throw fail("unknown select key '\(key)'\(hint) (select by top, bottom, above, below, cells, path or triangle)")
        }
        let perFigure: Bool
        switch object["per"].flatMap(String.init(specValue:)) ?? "panel" {
        case "panel": perFigure = false
        case "figure": perFigure = true
        default: throw fail("\"per\" is \"panel\" or \"figure\"")
        }
        if let k = object["top"] ?? object["bottom"] {
            guard let count = Int(specValue: k), count >= 1 else { throw fail("expected a count of at least 1 cell, found \(k)") }
            self = object["top"] != nil ? .top(count, perFigure: perFigure) : .bottom(count, perFigure: perFigure)
        } else if let x = object["above"] ?? object["below"] {
            guard let value = Double(specValue: x) else { throw fail("expected a number, found \(x)") }
            self = object["above"] != nil ? .above(value) : .below(value)
        } else if let cells = object["cells"] {
            guard case .list(let pairs) = cells else { throw fail("\"cells\" is a list of [row, column] key pairs") }
            let keys = try pairs.map { pair -> [String] in
                guard case .list(let two) = pair, two.count == 2 else { throw fail("each cell is [row, column], found \(pair)") }
                return try two.map { key in
                    switch key {
                    case .string(let name): return name
                    case .number(let n) where n == n.rounded(): return String(Int(n))
                    default: throw fail("a row or column key is a name or a whole index, found \(key)")
                    }
                }
            }
            self = .cells(keys, panel: object["panel"].flatMap(String.init(specValue:)))
        } else if object["path"] != nil {
            self = .file(.object(object))
        } else if let side = object["triangle"].flatMap(String.init(specValue:)) {
            guard side == "upper" || side == "lower" else { throw fail("\"triangle\" is \"upper\" or \"lower\", found '\(side)'") }
            self = .triangle(upper: side == "upper", diagonal: object["diagonal"].flatMap(Bool.init(specValue:)) ?? false)
        } else {
            throw fail("select by top, bottom, above, below, cells, path or triangle")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .top(let k, let f): try c.encode(["top": SpecValue.number(Double(k)), "per": .string(f ? "figure" : "panel")])
        case .bottom(let k, let f): try c.encode(["bottom": SpecValue.number(Double(k)), "per": .string(f ? "figure" : "panel")])
        case .above(let x): try c.encode(["above": x])
        case .below(let x): try c.encode(["below": x])
        case .cells(let cells, let panel):
            var object: [String: SpecValue] = ["cells": .list(cells.map { .list($0.map(SpecValue.string)) })]
            if let panel { object["panel"] = .string(panel) }
            try c.encode(object)
        case .file(let value): try c.encode(value)
        case .triangle(let upper, let diagonal):
            try c.encode(["triangle": SpecValue.string(upper ? "upper" : "lower"), "diagonal": .bool(diagonal)])
        }
    }
}
