import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` of every element, computed on all cores; results in the elements' order.
    /// For independent, CPU-heavy work per element (a panel's colours, an image's compression);
    /// pass `inParallel: false` when the work is too small to repay starting threads.
    public func concurrentMap<Result: Sendable>(inParallel: Bool = true,
                                                _ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        guard inParallel, count > 1 else { return map(transform) }
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
