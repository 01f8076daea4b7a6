extension Array where Element == UInt8 {
    /// Where `pattern` first starts within `range` (all of it inside the range), or nil. A plain
    /// loop: the standard library's generic `firstRange(of:)` was several times slower here.
    func firstIndex(of pattern: [UInt8], in range: Range<Int>) -> Int? {
        let limit = Swift.min(range.upperBound, count) - pattern.count
        guard let first = pattern.first, range.lowerBound <= limit else { return nil }
        var i = Swift.max(range.lowerBound, 0)
        while i <= limit {
            if self[i] == first, self[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }
}
