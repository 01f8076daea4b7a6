import Foundation
import CFontconfig
import HeatGridCore

/// Finds font files with fontconfig. fontconfig never says "not found": it returns its best
/// fallback, so the matched family is compared with the one asked for.
///
/// One configuration of the installed fonts serves the process (loading it reads the font caches);
/// themes' font files go into a configuration of their own, so a theme's file never changes what
/// another figure's installed family resolves to. Neither is thread-safe, so `FontLibrary` calls
/// a resolver only under its lock.
final class FontResolver {
    struct Match: Sendable, Hashable {
        var path: String
        var index: Int32
        var family: String
    }

    private let config: OpaquePointer
    /// The themes' font files (application fonts of an otherwise empty configuration), made at first use.
    private var themeConfig: OpaquePointer?
    /// Font files added to `themeConfig`.
    private var applicationFiles: Set<String> = []

    init() throws {
        guard let config = FcInitLoadConfigAndFonts() else {
            throw HeatGridError.layout(message: "fontconfig could not be initialised")
        }
        self.config = config
    }

    deinit {
        FcConfigDestroy(config)
        if let themeConfig { FcConfigDestroy(themeConfig) }
    }

    /// The file for `family` (bold or regular). With `files` (a theme's `fontFile`), the family is
    /// taken from those files only, so the figure does not depend on the machine's fonts; without,
    /// from the installed fonts. Throws when the family is not there.
    func resolve(family: String, bold: Bool, files: [String] = []) throws -> Match {
        if !files.isEmpty { return try resolve(family: family, bold: bold, inFiles: files) }
        let pattern = try self.pattern(family: family, bold: bold)
        defer { FcPatternDestroy(pattern) }
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else {
            throw HeatGridError.layout(message: "no font found for family '\(family)'")
        }
        defer { FcPatternDestroy(match) }
        guard let found = Self.match(match), family.isEmpty || Self.families(of: match).contains(where: {
            $0.caseInsensitiveCompare(family) == .orderedSame
        }) else {
            throw HeatGridError.layout(message: missingFamilyMessage(family))
        }
        return Match(path: found.path, index: found.index, family: family.isEmpty ? found.family : family)
    }

    /// A font that has `scalar`, as close to `family` as fontconfig's rules make it; nil when no
    /// font on the machine (or registered by a theme) has it.
    func fallback(for scalar: Unicode.Scalar, family: String, bold: Bool) -> Match? {
        guard let pattern = try? self.pattern(family: family, bold: bold) else { return nil }
        defer { FcPatternDestroy(pattern) }
        let wanted = FcCharSetCreate()
        defer { FcCharSetDestroy(wanted) }
        FcCharSetAddChar(wanted, scalar.value)
        FcPatternAddCharSet(pattern, "charset", wanted)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var charset: OpaquePointer?
        guard FcPatternGetCharSet(match, "charset", 0, &charset) == FcResultMatch, let charset,
              FcCharSetHasChar(charset, scalar.value) != 0 else { return nil }
        return Self.match(match)
    }

    /// The families installed (and registered by themes), sorted.
    func installedFamilies() -> [String] {
        let pattern = FcPatternCreate()
        defer { FcPatternDestroy(pattern) }
        let objects = FcObjectSetCreate()
        defer { FcObjectSetDestroy(objects) }
        FcObjectSetAdd(objects, "family")
        guard let set = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(set) }
        var names: Set<String> = []
        for i in 0..<Int(set.pointee.nfont) {
            if let font = set.pointee.fonts[i], let name = Self.families(of: font).first { names.insert(name) }
        }
        return names.sorted()
    }

    /// "font family 'X' is not installed; ..." with the installed families nearest the name.
    func missingFamilyMessage(_ family: String) -> String {
        let installed = installedFamilies()
        let nearest = ranked(family, in: installed).prefix(4)
        let offer = nearest.isEmpty ? "no fonts are installed"
            : "installed families include \(nearest.map { "'\($0)'" }.joined(separator: ", "))"
                + (installed.count > nearest.count ? " (`fc-list : family` lists all \(installed.count))" : "")
        return "font family '\(family)' is not installed; \(offer). Install it, set the theme's fontFamily to an installed family, or give the theme a fontFile"
    }

    // MARK: - Theme font files

    private func resolve(family: String, bold: Bool, inFiles files: [String]) throws -> Match {
        if themeConfig == nil {
            guard let made = FcConfigCreate() else { throw HeatGridError.layout(message: "fontconfig could not be initialised") }
            themeConfig = made
        }
        let config = themeConfig!
        for file in files where !applicationFiles.contains(file) {
            guard FcConfigAppFontAddFile(config, file) != 0 else {
                throw HeatGridError.io(path: file, message: "fontconfig cannot read this font file (.ttf, .otf or .ttc expected)")
            }
            applicationFiles.insert(file)
        }
        guard let set = FcConfigGetFonts(config, FcSetApplication) else {
            throw HeatGridError.io(path: files[0], message: "fontconfig registered no font from this file")
        }
        var candidates: [(match: Match, weight: Int32)] = []
        var held: Set<String> = []
        for i in 0..<Int(set.pointee.nfont) {
            guard let font = set.pointee.fonts[i], let found = Self.match(font), files.contains(found.path) else { continue }
            let names = Self.families(of: font)
            held.formUnion(names.prefix(1))
            guard names.contains(where: { $0.caseInsensitiveCompare(family) == .orderedSame }) else { continue }
            var weight: Int32 = 80
            FcPatternGetInteger(font, "weight", 0, &weight)
            candidates.append((Match(path: found.path, index: found.index, family: family), weight))
        }
        let target: Int32 = bold ? 200 : 80
        guard let best = candidates.min(by: {
            let a = abs($0.weight - target), b = abs($1.weight - target)
            return a != b ? a < b : ($0.match.path, $0.match.index) < ($1.match.path, $1.match.index)
        }) else {
            let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            throw HeatGridError.layout(message:
                "the theme's fontFile \(names) holds \(held.sorted().map { "'\($0)'" }.joined(separator: ", ")), not the theme's fontFamily '\(family)'; set fontFamily to the file's family")
        }
        return best.match
    }

    // MARK: - Patterns

    /// A pattern for `family` and weight, with fontconfig's substitutions applied.
    private func pattern(family: String, bold: Bool) throws -> OpaquePointer {
        guard let pattern = FcPatternCreate() else {
            throw HeatGridError.layout(message: "fontconfig could not make a pattern")
        }
        if !family.isEmpty { FcPatternAddString(pattern, "family", family) }
        FcPatternAddInteger(pattern, "weight", bold ? 200 : 80)  // FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        return pattern
    }

    /// File, index and first family of a matched pattern.
    private static func match(_ pattern: OpaquePointer) -> Match? {
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0
        FcPatternGetInteger(pattern, "index", 0, &index)
        return Match(path: String(cString: file), index: index, family: families(of: pattern).first ?? "")
    }

    /// Every family name a pattern lists ("DejaVu Sans", "DejaVu Sans Condensed").
    private static func families(of pattern: OpaquePointer) -> [String] {
        var names: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        var i: Int32 = 0
        while FcPatternGetString(pattern, "family", i, &value) == FcResultMatch, let value {
            names.append(String(cString: value))
            i += 1
        }
        return names
    }
}
