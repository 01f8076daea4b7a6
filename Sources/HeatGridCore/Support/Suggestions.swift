/// "Did you mean ...?": the names closest to a mistyped one, by edit distance (case-insensitive),
/// for every message about an unknown key, name, panel, colormap or font. Public, so plugins word
/// their messages the same way.

/// The candidate closest to `word`, when it is close enough to be a typo (at most 2 edits, or a
/// third of the word's length for long words).
public func nearest(to word: String, in candidates: [String]) -> String? {
    guard let best = ranked(word, in: candidates).first else { return nil }
    return editDistance(word.lowercased(), best.lowercased()) <= typoLimit(word) ? best : nil
}

/// Every candidate within typo distance of `word`, closest first (ties by name).
public func closeMatches(to word: String, in candidates: [String]) -> [String] {
    ranked(word, in: candidates).filter { editDistance(word.lowercased(), $0.lowercased()) <= typoLimit(word) }
}

/// All candidates, closest to `word` first (ties by name).
public func ranked(_ word: String, in candidates: [String]) -> [String] {
    let key = word.lowercased()
    return candidates.map { ($0, editDistance(key, $0.lowercased())) }
        .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
}

/// How many edits still look like a typo of `word`.
private func typoLimit(_ word: String) -> Int { max(2, word.count / 3) }

/// Levenshtein distance between two strings (insertions, deletions and substitutions of characters).
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
