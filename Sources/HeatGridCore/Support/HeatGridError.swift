/// Every failure HeatGrid reports to a user: where it happened and what was expected.
///
/// The description reads like a compiler diagnostic (`file:line:column: message`) so editors
/// and terminals can jump to the spot.
public enum HeatGridError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bad content in a data file, at a line and column when known.
    case data(file: String, line: Int?, column: Int?, message: String)
    /// A bad or unknown key in a figure spec or theme file; `key` is a dotted path like `scale.domain`.
    case spec(file: String, key: String, message: String)
    /// A file that cannot be read or written.
    case io(path: String, message: String)
    /// A figure that cannot be laid out (e.g. its text collides).
    case layout(message: String)
    /// A figure size too small for its content, with the size that would hold it.
    case tooSmall(FigureTooSmall)
    /// A backend that could not write the figure (`format`: "png", "pdf", "svg"): a library
    /// failing (cairo, zlib), or an output too large for it.
    case backend(format: String, message: String)
    /// A name that no registered plugin answers to (colormap, layout, format, ...).
    case unknownPlugin(kind: String, name: String, available: [String])
    /// A colormap name that is not registered, with the closest registered names.
    case unknownColormap(name: String, closest: [String], available: [String])
    /// An input bigger than a computation accepts: `count` items where at most `limit` are,
    /// e.g. rows to cluster (their pairwise distances take `count`² / 2 doubles).
    case tooLarge(what: String, count: Int, limit: Int, reason: String)

    public var description: String {
        switch self {
        case let .data(file, line, column, message):
            var place = file
            if let line { place += ":\(line)" }
            if let column { place += ":\(column)" }
            return "\(place): \(message)"
        case let .spec(file, key, message):
            return "\(file): \(key): \(message)"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .layout(message):
            return "layout: \(message)"
        case let .tooSmall(report):
            return "layout: \(report)"
        case let .backend(format, message):
            return "\(format) output: \(message)"
        case let .unknownPlugin(kind, name, available):
            let hint = nearest(to: name, in: available).map { "did you mean '\($0)'? " } ?? ""
            return "unknown \(kind) '\(name)'; \(hint)available: \(available.sorted().joined(separator: ", "))"
        case let .unknownColormap(name, closest, available):
            let hint = closest.isEmpty ? "" : "did you mean \(closest.prefix(3).map { "'\($0)'" }.joined(separator: " or "))? "
            // The built-in library alone has hundreds of names: past a screenful, point to the listing.
            let names = available.count <= 40 ? available.joined(separator: ", ")
                : "\(available.count) names, listed by `heatgrid colormaps`"
            return "unknown colormap '\(name)'; \(hint)available: \(names) (each also reversed with _r), or a path to a .csv/.json/.cpt file"
        case let .tooLarge(what, count, limit, reason):
            return "too many \(what): \(count), the limit is \(limit) (\(reason))"
        }
    }
}

/// What a figure too small for its content needs: the asked size, the extent of everything but
/// the cells, and the size that holds it all with every body at the theme's `minBody`.
public struct FigureTooSmall: Sendable, Equatable, CustomStringConvertible {
    /// The figure's size as asked, in points (with `autoHeight`, only its width counts).
    public var size: Size
    public var autoHeight: Bool
    /// What did not fit, e.g. "a 2x4 grid of panels".
    public var what: String
    /// Labels, titles, spacing and legend: everything but the cells, in points.
    public var fixed: Size
    /// The smallest size that holds it, in points.
    public var needed: Size

    public init(size: Size, autoHeight: Bool, what: String, fixed: Size, needed: Size) {
        self.size = size; self.autoHeight = autoHeight; self.what = what; self.fixed = fixed; self.needed = needed
    }

    /// `points` in whole millimetres, rounded up (a hair over a whole number stays it): how the
    /// message prints the sizes a figure needs.
    public static func millimetresUp(_ points: Double) -> Int { Int((points * 25.4 / 72 - 1e-6).rounded(.up)) }

    public var description: String {
        func mm(_ points: Double, up: Bool = false) -> String {
            up ? String(Self.millimetresUp(points)) : String(Int((points * 25.4 / 72).rounded(.toNearestOrAwayFromZero)))
        }
        let asked = autoHeight ? "\(mm(size.width)) mm wide" : "\(mm(size.width)) x \(mm(size.height)) mm"
        // A free height may grow to a fixed multiple of the width: a taller figure needs a wider one.
        let wanted = autoHeight ? "at least \(mm(max(needed.width, needed.height * size.width / size.height), up: true)) mm wide"
            : "at least \(mm(max(needed.width, size.width), up: true)) x \(mm(max(needed.height, size.height), up: true)) mm"
        return "a figure \(asked) cannot hold \(what) at the theme's text sizes (labels, titles and legend alone need \(mm(fixed.width, up: true)) x \(mm(fixed.height, up: true)) mm); make it \(wanted), or the theme's text smaller"
    }
}
