/// An axis of a body cut into blocks of consecutive cells with a fixed gap between neighbouring
/// blocks: the groups of a split (`rows.split`, `columns.split`). A body's extent along the axis is
/// its cells plus `totalGap`; every position along the axis (cell edges, tick centres, dendrogram
/// leaves) goes through `offset(along:cellSize:)`, so cells, ticks and trees stay in register.
public struct AxisBlocks: Sendable, Equatable {
    /// Cells in each block, in order along the axis.
    public var counts: [Int]
    /// Space between neighbouring blocks, in points.
    public var gap: Double
    /// A label for each block, drawn beside it; nil draws none.
    public var labels: [String]?

    public init(counts: [Int], gap: Double, labels: [String]? = nil) {
        precondition(labels == nil || labels!.count == counts.count, "one label per block")
        self.counts = counts; self.gap = gap; self.labels = labels
        var start = 0
        starts = counts.map { count in defer { start += count }; return start }
    }

    /// The first cell of each block.
    public private(set) var starts: [Int]

    /// The gaps' total extent.
    public var totalGap: Double { gap * Double(max(counts.count - 1, 0)) }

    /// The cells of each block.
    public var ranges: [Range<Int>] { zip(starts, counts).map { $0..<($0 + $1) } }

    /// The cell size when `cells` cells and the gaps fill `length` points.
    public func cellSize(length: Double, cells: Int) -> Double {
        (length - totalGap) / Double(max(cells, 1))
    }

    /// The block holding cell `cell` (the last block for cells past the end).
    public func block(of cell: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= cell { low = middle } else { high = middle - 1 }
        }
        return max(low, 0)
    }

    /// How far from the body's start a spot `along` cells lies (fractional: a tick at k + 0.5,
    /// a dendrogram node between its children), counting the gaps of the blocks before it. A
    /// spot on a block boundary belongs to the block after it; the map only grows along the axis.
    public func offset(along: Double, cellSize: Double) -> Double {
        let cell = Int(along.rounded(.down))
        return along * cellSize + Double(block(of: cell)) * gap
    }
}
