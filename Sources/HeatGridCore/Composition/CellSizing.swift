/// How tall a cell is against its width (`cells.aspect` in a spec).
public enum CellAspect: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Square cells: bodies keep the matrix's proportions.
    case square
    /// Bodies take the space their slots offer: cells as wide and as tall as it allows.
    case fill
    /// Cells `ratio` times as tall as they are wide.
    case ratio(Double)
    /// Square, unless that makes a body thinner than the theme's `minBody` or leaves most of the
    /// room for the bodies empty; then `fill`.
    case auto

    public var description: String {
        switch self {
        case .square: "square"
        case .fill: "fill"
        case .ratio(let r): "\(r)"
        case .auto: "auto"
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) {
            guard number.isFinite, number > 0 else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a positive ratio of cell height to width, found \(number)")
            }
            self = .ratio(number)
            return
        }
        let text = (try? c.decode(String.self)) ?? ""
        switch text.lowercased() {
        case "square": self = .square
        case "fill": self = .fill
        case "auto": self = .auto
        default:
            throw DecodingError.dataCorruptedError(in: c,
                debugDescription: "expected \"auto\", \"square\", \"fill\" or a number (cell height / width), found '\(text)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if case .ratio(let r) = self { try c.encode(r) } else { try c.encode(description) }
    }
}

/// The cell size for bodies that share one cell width along the grid's columns and one cell
/// height along its rows: the core's answer to "how big are the cells", for layout plugins.
///
/// Given the room left for cells once every fixed component is placed (`width` x `height`, or
/// no height when the figure's height follows from its content), and how many cells the grid
/// needs across and down:
/// - square: the largest square cell that fits both ways;
/// - a ratio: the same with cells `ratio` times as tall as wide;
/// - fill: as wide as the width allows and as tall as the height allows;
/// - auto: square, unless the smallest body's shorter side would be under `minimumBody` or the
///   cells would cover less than a quarter of the room: then fill (with a free height, auto and
///   fill cells are made just tall enough for `minimumBody`).
/// With a free height, square cells set it; `maximumHeight` caps it (the cells then get flatter).
/// A free height also lets auto and fill cells grow to `minimumCellHeight`, so that a name on
/// every row fits (the composer asks for it when rows are named).
public struct CellSizing: Sendable, Equatable {
    public var aspect: CellAspect
    /// Shortest readable side of a body, in points.
    public var minimumBody: Double
    /// How tall auto and fill cells get at least when the height is free (one row's tick label).
    public var minimumCellHeight: Double

    public init(aspect: CellAspect, minimumBody: Double, minimumCellHeight: Double = 0) {
        self.aspect = aspect; self.minimumBody = minimumBody; self.minimumCellHeight = minimumCellHeight
    }

    /// The thinnest cell a layout draws, in points: below it a figure is too small, however its
    /// bodies compare with `minimumBody` (a 1,571-column matrix in a few centimetres).
    public static let smallestCell = 0.05

    /// Whether bodies must reach `minimumBody` (else the figure is too small): when HeatGrid
    /// chooses the cells' proportions. Square or ratio cells asked for are kept however thin.
    public var requiresMinimumBody: Bool { aspect == .auto || aspect == .fill }

    /// Cell width and height in points (either may be tiny or negative when nothing fits: the
    /// caller turns that into a size error).
    /// - Parameters:
    ///   - columnCells / rowCells: cells across all grid columns / down all grid rows.
    ///   - fewestRows / fewestColumns: the smallest body's rows and columns (for `minimumBody`).
    public func cellSize(columnCells: Double, rowCells: Double, width: Double, height: Double?,
                         maximumHeight: Double, fewestRows: Int, fewestColumns: Int) -> Size {
        let columnCells = max(columnCells, 1), rowCells = max(rowCells, 1)
        let fewestRows = Double(max(fewestRows, 1)), fewestColumns = Double(max(fewestColumns, 1))
        guard let height else {
            // Free height: the width sets the cell width; the height follows, within the cap.
            let cellWidth = width / columnCells
            var cellHeight: Double
            switch aspect {
            case .ratio(let r): cellHeight = r * cellWidth
            case .auto, .fill: cellHeight = max(cellWidth, minimumBody / fewestRows, minimumCellHeight)
            case .square: cellHeight = cellWidth
            }
            cellHeight = min(cellHeight, maximumHeight / rowCells)
            return Size(width: cellWidth, height: cellHeight)
        }
        let ratio: Double
        switch aspect {
        case .fill: return Size(width: width / columnCells, height: height / rowCells)
        case .ratio(let r): ratio = r
        case .square, .auto: ratio = 1
        }
        let cellWidth = min(width / columnCells, height / (ratio * rowCells))
        let cell = Size(width: cellWidth, height: ratio * cellWidth)
        if aspect == .auto {
            let thinnest = min(cell.width * fewestColumns, cell.height * fewestRows)
            let covered = (cell.width * columnCells) * (cell.height * rowCells) / max(width * height, 1e-9)
            if thinnest < minimumBody || covered < 0.25 {
                return Size(width: width / columnCells, height: height / rowCells)
            }
        }
        return cell
    }
}
