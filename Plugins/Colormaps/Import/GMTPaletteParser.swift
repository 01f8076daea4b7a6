import HeatGridCore

/// Reads a GMT colour palette table (.cpt), as shipped by GMT, cpt-city and Scientific Colour
/// Maps:
///
///     # COLOR_MODEL = RGB
///     0.000000  1/25/89     0.003922  2/27/89
///     0         0 0 0       1         255 255 255   L ; label
///     B 0 0 0
///     F white
///     N 128
///
/// Slices are `z0 colour0 z1 colour1`, with an optional `L`/`U`/`B` annotation flag and a
/// `; label`; colours are those `GMTColorReader` takes, or `r g b` / `h s v` as three fields.
/// Categorical palettes (`key colour` per line, e.g. batlowS) list one colour per key.
/// `B`, `F` and `N` lines give the under, over and bad colours. `COLOR_MODEL = HSV` (commented
/// or not, with or without GMT 4's `+`) makes three-number colours `h s v` and interpolation
/// run in HSV, as GMT does.
///
/// The table handed to `LookupTableColormap`:
/// - continuous palettes (some slice changes colour) are sampled at 256 evenly spaced z, the
///   centre of each entry: `z_min + (i + 0.5) / 256 * (z_max - z_min)`;
/// - discrete palettes of equal, touching slices give one entry per slice, so N slices stay
///   exactly N colours; unequal discrete slices are sampled like continuous ones;
/// - categorical palettes give one entry per key, in file order.
struct GMTPaletteParser {
    let displayPath: String

    /// Entries sampled from a continuous (or unequal discrete) palette.
    static let sampleCount = 256

    private struct Slice {
        let line: Int
        var z0: Double
        let z1: Double
        let z1Text: String
        let color0: PaletteColor
        let color1: PaletteColor
    }

    private struct Category {
        let line: Int
        let color: PaletteColor
    }

    private static let sliceForm = "'z0 colour0 z1 colour1' (colours as r g b, r/g/b, #rrggbb, a gray level, "
        + "h-s-v or a name)"

    func parse(_ bytes: [UInt8]) throws -> ParsedPalette {
        let lines = ImportText.lines(bytes)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw fail(nil, nil, "the file is empty; expected lines like 'z0 r g b z1 r g b'")
        }
        var hsvModel = false
        var slices: [Slice] = []
        var categories: [Category] = []
        var result = ParsedPalette(colors: [])

        for line in lines {
            guard let first = line.firstText else { continue }
            if first.scalar == "#" {
                if let model = try colorModel(in: line, after: first.index + 1) { hsvModel = model }
                continue
            }
            if let model = try colorModel(in: line, after: first.index) {
                hsvModel = model
                continue
            }
            // A `;` starts a label (GMT's colorbar annotation): not part of the colours.
            let labelStart = line.scalars.firstIndex(of: ";")
            var fields = ImportText.blankSeparatedFields(line.scalars, upTo: labelStart)
            guard let key = fields.first else { continue }

            if ["B", "F", "N"].contains(key.text) {
                let color = try specialColor(fields.dropFirst(), key: key, line: line, hsvModel: hsvModel).rgba
                switch key.text {
                case "B": result.under = color
                case "F": result.over = color
                default: result.bad = color
                }
                continue
            }
            if fields.count > 2, let flag = fields.last, ["L", "U", "B"].contains(flag.text) { fields.removeLast() }

            switch fields.count {
            case 2:
                if let slice = slices.first {
                    throw fail(line.number, fields[0].column, "expected \(Self.sliceForm) like line \(slice.line), "
                               + "found a 'key colour' line")
                }
                categories.append(Category(line: line.number, color: try color(fields[1], line: line.number)))
            case 4, 8:
                if let category = categories.first {
                    throw fail(line.number, fields[0].column, "expected 'key colour' like line \(category.line), "
                               + "found \(fields.count) fields")
                }
                let slice = try self.slice(fields, line: line.number, hsvModel: hsvModel)
                if let previous = slices.last {
                    // Touching slices often print the shared z with different rounding; a
                    // millionth of overlap is that, not a palette running backwards.
                    let slack = 1e-6 * max(abs(previous.z1), abs(slice.z0))
                    if slice.z0 < previous.z1 - slack {
                        throw fail(line.number, fields[0].column,
                                   "z values must increase: \(fields[0].text) after \(previous.z1Text)")
                    }
                    var adjusted = slice
                    adjusted.z0 = max(slice.z0, previous.z1)
                    slices.append(adjusted)
                } else {
                    slices.append(slice)
                }
            default:
                let column = fields.count > 8 ? fields[8].column : (fields.last.map { $0.column } ?? 1)
                throw fail(line.number, column, "expected \(Self.sliceForm) or 'key colour', found \(fields.count) fields")
            }
        }

        if !categories.isEmpty {
            guard categories.count >= 2 else {
                throw fail(categories[0].line, 1, "a colormap needs at least 2 colours, found 1")
            }
            result.colors = categories.map(\.color.rgba)
        } else {
            guard !slices.isEmpty else {
                throw fail(nil, nil, "no colour slices found; expected lines like 'z0 r g b z1 r g b'")
            }
            result.colors = try table(of: slices, hsvModel: hsvModel)
        }
        return result
    }

    // MARK: Lines

    /// `COLOR_MODEL = RGB|HSV` (optionally `+`), from `start` in the line: true for HSV, false
    /// for RGB, nil when the line is not a colour model line.
    private func colorModel(in line: SourceLine, after start: Int) throws -> Bool? {
        let scalars = line.scalars
        var index = start
        while index < scalars.count, ImportText.isSpace(scalars[index]) { index += 1 }
        let keyword = Array("COLOR_MODEL".unicodeScalars)
        guard scalars.count - index >= keyword.count,
              scalars[index..<(index + keyword.count)].map({ Character($0).uppercased() }).joined()
                == "COLOR_MODEL" else { return nil }
        index += keyword.count
        while index < scalars.count, ImportText.isSpace(scalars[index]) || scalars[index] == "=" { index += 1 }
        let value = ImportText.blankSeparatedFields(Array(scalars[index...])).first
        let text = (value?.text ?? "").uppercased()
        switch text.hasPrefix("+") ? String(text.dropFirst()) : text {
        case "RGB": return false
        case "HSV": return true
        default:
            let column = index + (value?.column ?? 1)
            let found = value.map { ImportText.quoted($0.text) } ?? "nothing"
            let note = text.hasSuffix("CMYK") ? " (CMYK palettes are not supported; convert it to RGB)" : ""
            throw fail(line.number, column, "expected COLOR_MODEL = RGB or HSV, found \(found)\(note)")
        }
    }

    /// A `B`, `F` or `N` line's colour: one field, or three in `r g b` / `h s v` form.
    private func specialColor(_ fields: ArraySlice<Field>, key: Field, line: SourceLine,
                              hsvModel: Bool) throws -> PaletteColor {
        switch fields.count {
        case 1: return try color(fields[fields.startIndex], line: line.number)
        case 3:
            do { return try GMTColorReader.color(fields, hsvModel: hsvModel) } catch {
                throw fail(line.number, error.column, error.message)
            }
        default:
            let column = fields.count > 3 ? fields[fields.startIndex + 3].column
                : fields.first?.column ?? key.column + key.text.unicodeScalars.count
            let found = fields.isEmpty ? "nothing" : "\(fields.count) fields"
            throw fail(line.number, column, "expected one colour after '\(key.text)' (r g b, r/g/b, #rrggbb, "
                       + "a gray level, h-s-v or a name), found \(found)")
        }
    }

    private func slice(_ fields: [Field], line: Int, hsvModel: Bool) throws -> Slice {
        let z0 = try number(fields[0], line: line, for: "z0")
        let color0: PaletteColor, color1: PaletteColor
        let z1Field: Field
        if fields.count == 4 {
            color0 = try color(fields[1], line: line)
            z1Field = fields[2]
            color1 = try color(fields[3], line: line)
        } else {
            color0 = try colorFields(fields[1...3], line: line, hsvModel: hsvModel)
            z1Field = fields[4]
            color1 = try colorFields(fields[5...7], line: line, hsvModel: hsvModel)
        }
        let z1 = try number(z1Field, line: line, for: "z1")
        guard z1 > z0 else {
            throw fail(line, z1Field.column, "z values must increase: \(z1Field.text) after \(fields[0].text)")
        }
        return Slice(line: line, z0: z0, z1: z1, z1Text: z1Field.text, color0: color0, color1: color1)
    }

    private func number(_ field: Field, line: Int, for role: String) throws -> Double {
        guard let value = DecimalNumber.parse(field.text) else {
            throw fail(line, field.column, "expected a number for \(role), found \(ImportText.quoted(field.text))")
        }
        return value
    }

    private func color(_ field: Field, line: Int) throws -> PaletteColor {
        do { return try GMTColorReader.color(field) } catch { throw fail(line, error.column, error.message) }
    }

    private func colorFields(_ fields: ArraySlice<Field>, line: Int, hsvModel: Bool) throws -> PaletteColor {
        do { return try GMTColorReader.color(fields, hsvModel: hsvModel) } catch {
            throw fail(line, error.column, error.message)
        }
    }

    // MARK: Table

    private func table(of slices: [Slice], hsvModel: Bool) throws -> [RGBA] {
        let zMin = slices[0].z0, zMax = slices[slices.count - 1].z1
        guard (zMax - zMin).isFinite else {
            throw fail(slices[slices.count - 1].line, 1, "the z values span more than a Double can hold")
        }
        let discrete = slices.allSatisfy {
            $0.color0.components(hsvModel: hsvModel) == $0.color1.components(hsvModel: hsvModel)
        }
        if discrete {
            // Equal within what printing z with six decimals loses.
            let tolerance = 1e-5 * (zMax - zMin)
            let width = slices[0].z1 - slices[0].z0
            let even = slices.indices.allSatisfy { k in
                abs(slices[k].z1 - slices[k].z0 - width) <= tolerance
                    && (k == 0 || abs(slices[k].z0 - slices[k - 1].z1) <= tolerance)
            }
            if even {
                guard slices.count >= 2 else {
                    throw fail(slices[0].line, 1, "a colormap needs at least 2 colours, found 1")
                }
                return slices.map(\.color0.rgba)
            }
        }
        var colors: [RGBA] = []
        colors.reserveCapacity(Self.sampleCount)
        var k = 0
        for i in 0..<Self.sampleCount {
            let z = zMin + (Double(i) + 0.5) / Double(Self.sampleCount) * (zMax - zMin)
            while k < slices.count - 1, z >= slices[k].z1 { k += 1 }
            let slice = slices[k]
            if z < slice.z0 {
                // In a gap between slices: carry the colour the previous slice ended with.
                colors.append(k > 0 ? slices[k - 1].color1.rgba : slice.color0.rgba)
            } else {
                let f = min(max((z - slice.z0) / (slice.z1 - slice.z0), 0), 1)
                colors.append(PaletteColor.interpolate(slice.color0, slice.color1, f, hsvModel: hsvModel))
            }
        }
        return colors
    }

    private func fail(_ line: Int?, _ column: Int?, _ message: String) -> HeatGridError {
        .data(file: displayPath, line: line, column: column, message: message)
    }
}
