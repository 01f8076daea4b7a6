import HeatGridCore

/// Reads a JSON colormap: a list of hex colours
///
///     ["#440154", "#21918c", "#fde725"]
///
/// or an object that can also carry the special colours
///
///     {"name": "mine", "colors": ["#440154", "#fde725"], "under": "#000", "over": "#fff", "bad": "#ccc"}
///
/// Colours are `#rgb`, `#rrggbb` or `#rrggbbaa`. The object's `name` is checked but not used: the
/// file name decides the registered name, so a spec's path and the registry agree.
struct HexListParser {
    /// The file's bytes, and how their offsets become lines and columns.
    let text: TextPositions
    let displayPath: String

    private static let keys = ["name", "colors", "under", "over", "bad"]

    init(bytes: [UInt8], displayPath: String) {
        text = TextPositions(bytes: bytes)
        self.displayPath = displayPath
    }

    func parse() throws -> ParsedPalette {
        guard text.bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else {
            throw fail(at: nil, "the file is empty; expected a JSON list of colours like [\"#440154\", \"#fde725\"]")
        }
        var parser = PositionedJSONParser(text: text)
        let document: PositionedJSON
        do {
            document = try parser.parseDocument()
        } catch {
            throw fail(at: error.offset, error.message)
        }
        switch document.value {
        case .array:
            return ParsedPalette(colors: try colors(in: document))
        case .object(let members):
            var result = ParsedPalette(colors: [])
            var sawColors = false
            var seen: Set<String> = []
            for member in members {
                guard Self.keys.contains(member.key) else {
                    throw fail(at: member.keyOffset,
                               "unknown key \"\(member.key)\"; expected one of \(Self.keys.joined(separator: ", "))")
                }
                guard seen.insert(member.key).inserted else {
                    throw fail(at: member.keyOffset, "the key \"\(member.key)\" appears twice")
                }
                switch member.key {
                case "name":
                    guard case .string = member.value.value else {
                        throw fail(at: member.value.offset,
                                   "expected a string for \"name\", found \(member.value.kindDescription)")
                    }
                case "colors":
                    result.colors = try colors(in: member.value)
                    sawColors = true
                case "under": result.under = try color(member.value, role: "\"under\"")
                case "over": result.over = try color(member.value, role: "\"over\"")
                default: result.bad = try color(member.value, role: "\"bad\"")
                }
            }
            guard sawColors else {
                throw fail(at: document.offset, "expected a \"colors\" list in the object")
            }
            return result
        default:
            throw fail(at: document.offset, "expected a list of hex colours or an object with "
                       + "\"colors\", found \(document.kindDescription)")
        }
    }

    private func colors(in list: PositionedJSON) throws -> [RGBA] {
        guard case .array(let elements) = list.value else {
            throw fail(at: list.offset, "expected a list of hex colours for \"colors\", found \(list.kindDescription)")
        }
        let colors = try elements.map { try color($0, role: "a colour") }
        guard colors.count >= 2 else {
            throw fail(at: list.offset, "a colormap needs at least 2 colours, found \(colors.count)")
        }
        return colors
    }

    private func color(_ value: PositionedJSON, role: String) throws -> RGBA {
        guard case .string(let text) = value.value, let color = Self.hexColor(text) else {
            throw fail(at: value.offset,
                       "expected a hex colour like \"#21918c\" for \(role), found \(value.kindDescription)")
        }
        return color
    }

    /// `#rgb`, `#rrggbb` or `#rrggbbaa`. Checked digit by digit because `UInt32(_:radix:)` (inside
    /// `RGBA(hex:)`) would also take a sign.
    static func hexColor(_ text: String) -> RGBA? {
        guard text.hasPrefix("#") else { return nil }
        let digits = text.unicodeScalars.dropFirst()
        guard [3, 6, 8].contains(digits.count),
              digits.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) })
        else { return nil }
        return RGBA(hex: text)
    }

    /// The error at the content `offset` (nil: the whole file).
    private func fail(at offset: Int?, _ message: String) -> HeatGridError {
        let place = offset.map { text.lineAndColumn(atContentOffset: $0) }
        return .data(file: displayPath, line: place?.line, column: place?.column, message: message)
    }
}
