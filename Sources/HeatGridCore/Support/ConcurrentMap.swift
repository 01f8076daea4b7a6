import Dispatch
import Foundation

/// The work, in matrix cells, below which `concurrentMap` stays on one thread.
public let minimumParallelCells = 100_000

extension Array where Element: Sendable {
    /// `transform` of every element, computed on all cores; results in the elements' order.
    /// For independent, CPU-heavy work per element (a panel's colours, an image's compression)
    /// on `cells` matrix cells in all: below `minimumParallelCells` starting threads costs more
    /// than it saves, and the map runs on this thread.
    public func concurrentMap<Result: Sendable>(cells: Int,
                                                _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        guard cells > minimumParallelCells, count > 1 else { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.set(i, transform(self[i]))
        }
        return slots.values.map { $0! }
    }
}

/// Results written by concurrent iterations, each to its own slot.
private final class ResultSlots<Result>: @unchecked Sendable {
    private(set) var values: [Result?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result) { lock.withLock { values[i] = value } }
}
