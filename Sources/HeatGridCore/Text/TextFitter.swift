// One rule for fitting a label into a width, shared by panel titles, axis titles, colorbar titles
// and tick labels:
// 1. Greedy wrapping: each line takes the longest run of words that fits, ending at a break
//    opportunity (after a run of spaces, which are dropped; after a hyphen inside a word, which
//    stays); the last allowed line takes the rest. A text that fits is one line, as it is.
// 2. That last line, when too wide, is cut with "…" at the longest prefix that fits with it.
// 3. Balancing (a text that fits in the lines): the same number of lines with the narrowest widest
//    line W*. W* is the least width at which greedy wrapping still fits in the lines, so bisect on
//    the width and snap both bounds to widths that occur: a wrap that fits lowers the upper bound
//    to its widest line; one that fails raises the lower bound to the narrowest width that would
//    change it (a line plus its next word, or the rest on the last line), since every width below
//    that wraps the same way. It ends after a few wraps, exact to a thousandth of a point.
//
// Time linear in the text's length: the real measurer (HarfBuzz) costs time linear in the string
// it measures, so measuring every prefix would be quadratic, and even measuring the whole text
// costs more than fitting it. So nothing is measured whole: each line's reach (how many characters
// fit) gallops over prefixes from a guess (no glyph of a reasonable font is narrower than
// 0.15 em), doubling while it fits (a narrower font stays correct, only a little slower), then
// bisects; the line ends at the last break within reach, and the cut bisects within the reach.
// So the fitter measures O(log) strings per line, each about as long as what fits, whatever the
// text's length; only splitting into Characters and one scan for breaks touch the whole text.
// Everything works on Characters, so a grapheme cluster (an accented letter, a flag) is never cut.

/// Fits a line of text into a width: wrapped at spaces and after hyphens (at most `maxLines` lines),
/// then the last line cut with "…".
public struct TextFitter: Sendable {
    /// The measurer every candidate line is measured with.
    public let measurer: any TextMeasurer

    /// A fitter measuring with `measurer` (the backend's, so layout matches the drawn text).
    public init(measurer: any TextMeasurer) { self.measurer = measurer }

    /// Slack for rounding in measured widths: a line this much wider than the width still fits.
    static let tolerance = 1e-9

    /// `text` as at most `maxLines` lines each no wider than `width` (points) in `font`.
    /// 1. fits on one line -> [text];
    /// 2. else, when maxLines > 1, wrapped at break opportunities: after a space (the space is dropped)
    ///    or after a hyphen-minus "-", en dash, or U+2010 hyphen (the hyphen stays at the end of the line:
    ///    "Decision-" / "making"). With `balanced: true` and a text that fits in maxLines lines, the lines
    ///    are balanced (the break that minimises the widest line; for 2 lines "Syntactic" / "Understanding"
    ///    style), else greedy (each line takes as many words as fit);
    /// 3. the last line, if still too wide (or text remains), is cut with "…" (U+2026) at the longest
    ///    prefix that fits with the ellipsis, trailing spaces trimmed before the ellipsis.
    /// Never returns an empty array; a width too small for even "…" returns ["…"].
    /// Balanced lines keep the fewest lines that hold the text (greedy's count), so a two-line title
    /// stays two lines when `maxLines` is 3.
    public func lines(_ text: String, width: Double, font: FontSpec, maxLines: Int = 1,
                      balanced: Bool = true) throws -> [String] {
        guard !text.isEmpty else { return [""] }
        let fitting = Fitting(text, font: font, measurer: measurer)
        let wrap = try fitting.wrap(width: width, maxLines: max(maxLines, 1))
        var lines = wrap.lines.map(fitting.string)
        guard wrap.isComplete else {
            return lines + [try fitting.cut(from: wrap.rest, longest: wrap.reach, width: width)]
        }
        if balanced, lines.count > 1, let even = try fitting.balanced(lineCount: lines.count, width: width) {
            lines = even.lines.map(fitting.string)
        }
        return lines
    }

    /// The longest prefix of `text` that fits `width` with "…" appended (or `text` itself when it fits).
    /// Trailing spaces are trimmed before the "…"; a width too small for even "…" returns "…".
    public func ellipsised(_ text: String, width: Double, font: FontSpec) throws -> String {
        try lines(text, width: width, font: font)[0]
    }
}

/// One text being fitted: its characters, where lines may break, and how to measure them.
private struct Fitting {
    let chars: [Character]
    /// Where lines may break, ascending: a line ends before `end`, the next starts at `next`. After
    /// a run of spaces (dropped: `end` is the run's start, `next` its end), or after a hyphen inside
    /// a word (kept: `end == next`; "-5" stays whole).
    let breaks: [(end: Int, next: Int)]
    /// The end of the text without its trailing spaces.
    let textEnd: Int
    let font: FontSpec
    let measurer: any TextMeasurer

    /// No glyph of a reasonable font is narrower than this (em); only a guess, see `lastFitting`.
    static let narrowestAdvance = 0.15
    static let hyphens: Set<Character> = ["-", "\u{2013}", "\u{2010}"]

    /// Greedy lines: where each starts and ends, where the unplaced text starts and how many of its
    /// characters fit (when incomplete), and, when tracked, the widest line and the narrowest width
    /// at which the wrap would change (see the file's comment).
    struct Wrap {
        var lines: [Range<Int>] = []
        var isComplete = false
        var rest = 0
        var reach = 0
        var widest = 0.0
        var change = Double.infinity
    }

    init(_ text: String, font: FontSpec, measurer: any TextMeasurer) {
        let chars = Array(text)
        var breaks: [(end: Int, next: Int)] = []
        if let first = chars.firstIndex(where: { $0 != " " }) {
            // Leading spaces are text, not a break (an empty first line helps nobody).
            var runStart = first
            for p in (first + 1)..<chars.count {
                if chars[p] == " " {
                    if chars[p - 1] != " " { runStart = p }
                } else if chars[p - 1] == " " {
                    breaks.append((runStart, p))
                } else if Self.hyphens.contains(chars[p - 1]), p - 1 > first, chars[p - 2] != " " {
                    breaks.append((p, p))
                }
            }
        }
        var textEnd = chars.count
        while textEnd > 0, chars[textEnd - 1] == " " { textEnd -= 1 }
        self.chars = chars
        self.breaks = breaks
        self.textEnd = textEnd
        self.font = font
        self.measurer = measurer
    }

    func string(_ range: Range<Int>) -> String { String(chars[range]) }

    func width(_ range: Range<Int>, suffix: String = "") throws -> Double {
        try measurer.measure(string(range) + suffix, font: font).width
    }

    func fits(_ width: Double, _ limit: Double) -> Bool { width <= limit + TextFitter.tolerance }

    /// How many characters can fit in `width` at most, for any reasonable font (a guess, not a limit).
    func guess(_ width: Double) -> Int {
        let most = width / (Self.narrowestAdvance * font.size)
        guard most.isFinite, most < Double(chars.count) else { return chars.count }
        return Int(max(0, most)) + 4
    }

    /// How many characters from `start` fit on one line.
    func reach(from start: Int, width: Double) throws -> Int {
        try lastFitting(count: chars.count - start, guess: guess(width) - 1, width: width) {
            try self.width(start..<(start + $0 + 1))
        } + 1
    }

    /// Index of the last break whose line ends by `p` (-1 when none does).
    func lastBreak(endingBy p: Int) -> Int {
        var lo = 0, hi = breaks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if breaks[mid].end > p { hi = mid } else { lo = mid + 1 }
        }
        return lo - 1
    }

    /// Greedy lines, each the longest that fits `width` (ending at the last break within reach),
    /// at most `maxLines` of them. Stops early at a word that fits no line, and where the last
    /// line would not hold the rest.
    func wrap(width: Double, maxLines: Int, tracksWidths: Bool = false) throws -> Wrap {
        var wrap = Wrap()
        var start = 0
        while true {
            let reach = try self.reach(from: start, width: width)
            if start + reach >= textEnd {
                // The text as it is when it all fits; else the last line, trailing spaces dropped.
                let end = start == 0 && reach == chars.count ? chars.count : textEnd
                wrap.lines.append(start..<end)
                if tracksWidths { wrap.widest = max(wrap.widest, try self.width(start..<end)) }
                wrap.isComplete = true
                return wrap
            }
            // Breaks of this line: those after its start, none on the last line (it holds the rest).
            let first = lastBreak(endingBy: start) + 1
            var chosen = wrap.lines.count == maxLines - 1 ? first - 1 : lastBreak(endingBy: start + reach)
            var lineWidth = 0.0
            while chosen >= first {  // a prefix of what fits fits too, but measure to be sure (shaping)
                lineWidth = try self.width(start..<breaks[chosen].end)
                if fits(lineWidth, width) { break }
                chosen -= 1
            }
            if tracksWidths {
                let end = chosen + 1 < breaks.count && wrap.lines.count < maxLines - 1 ? breaks[chosen + 1].end : textEnd
                wrap.change = min(wrap.change, try self.width(start..<end))
            }
            guard chosen >= first else {
                wrap.rest = start
                wrap.reach = reach
                return wrap
            }
            wrap.lines.append(start..<breaks[chosen].end)
            wrap.widest = max(wrap.widest, lineWidth)
            start = breaks[chosen].next
        }
    }

    /// The longest prefix from `start`, of at most `longest` characters, that fits with "…"
    /// (spaces before the "…" dropped); just "…" when nothing does.
    func cut(from start: Int, longest: Int, width: Double) throws -> String {
        func trimmed(_ count: Int) -> Range<Int> {
            var end = start + count
            while end > start, chars[end - 1] == " " { end -= 1 }
            return start..<end
        }
        let found = try lastFitting(count: longest + 1, guess: min(guess(width), longest), width: width) {
            try self.width(trimmed($0), suffix: "\u{2026}")
        }
        return string(trimmed(max(found, 0))) + "\u{2026}"
    }

    /// The same number of lines as the greedy wrap, with the narrowest widest line, or nil when no
    /// narrower wrap than `width` exists. Bisection with snapped bounds (the file's comment).
    func balanced(lineCount: Int, width: Double) throws -> Wrap? {
        var best: Wrap?, lo = 0.0, hi = width
        while hi - lo > 1e-3 {
            let mid = (lo + hi) / 2
            let wrap = try self.wrap(width: mid, maxLines: lineCount, tracksWidths: true)
            if wrap.isComplete { best = wrap; hi = wrap.widest } else { lo = max(mid, wrap.change) }
        }
        return best
    }
}

/// The largest index in `0..<count` whose candidate fits `width` (-1 when none does), for
/// candidates whose widths grow with the index. Gallops up from `guess` (doubling while it fits),
/// then bisects between the last fit and the first overflow, so only O(log) candidates near the
/// answer are measured.
private func lastFitting(count: Int, guess: Int, width: Double, measure: (Int) throws -> Double) rethrows -> Int {
    var fit = -1, over = count
    func probe(_ i: Int) throws -> Bool {
        let fits = try measure(i) <= width + TextFitter.tolerance
        if fits { fit = i } else { over = i }
        return fits
    }
    guard count > 0 else { return -1 }
    var next = min(max(guess, 0), count - 1)
    while try probe(next), next < count - 1 { next = min(2 * next + 1, count - 1) }
    while over - fit > 1 { _ = try probe((fit + over) / 2) }
    return fit
}
