import Testing
@testable import HeatGridCore
import TestSupport

/// Widths as `FakeMeasurer` (TestSupport) gives them: 6 pt a character, 3 pt for "i" and "l", 0.5 pt for ".".
private let font = FontSpec(family: "Fake", size: 10)
private let ellipsis = "\u{2026}"
private let hyphens: Set<Character> = ["-", "\u{2013}", "\u{2010}"]

private func width(_ text: String) -> Double { FakeMeasurer.width(text, size: font.size) }
private func fits(_ text: String, _ limit: Double) -> Bool { width(text) <= limit + TextFitter.tolerance }
private func trimmed(_ chars: ArraySlice<Character>) -> String {
    var s = String(chars)
    while s.last == " " { s.removeLast() }
    return s
}

/// Where a line may end (before `chars[p]`), written independently of the fitter's scan.
private func breakOpportunities(_ chars: [Character]) -> [Int] {
    guard let first = chars.firstIndex(where: { $0 != " " }) else { return [] }
    return chars.indices.filter { p in
        p > first + 1 && chars[p] != " "
            && (chars[p - 1] == " " || (hyphens.contains(chars[p - 1]) && chars[p - 2] != " "))
    }
}

@Suite struct TextFitterTests {
    let fitter = TextFitter(measurer: FakeMeasurer())

    @Test func textThatFitsIsKept() throws {
        #expect(try fitter.lines("Layer 3", width: 42, font: font, maxLines: 2) == ["Layer 3"])
        #expect(try fitter.ellipsised("Layer 3", width: 42, font: font) == "Layer 3")
        #expect(try fitter.lines("Layer 3  ", width: 54, font: font, maxLines: 2) == ["Layer 3  "])
        // Trailing spaces that do not fit are dropped rather than cutting the text.
        #expect(try fitter.lines("Layer 3  ", width: 50, font: font) == ["Layer 3"])
    }

    @Test func cutAtTheLongestPrefixWithSpacesTrimmed() throws {
        // "Syntactic" is 51 pt, "Syntactic…" 57, "Syntactic U…" 69.
        #expect(try fitter.lines("Syntactic Understanding", width: 60, font: font) == ["Syntactic\(ellipsis)"])
        #expect(try fitter.ellipsised("Syntactic Understanding", width: 68.9, font: font) == "Syntactic\(ellipsis)")
        #expect(try fitter.ellipsised("Syntactic Understanding", width: 69, font: font) == "Syntactic U\(ellipsis)")
    }

    @Test func hyphenStaysAtTheEndOfTheLine() throws {
        // "Decision-" is 48 pt, "making" 33, the whole 81.
        for balanced in [true, false] {
            #expect(try fitter.lines("Decision-making", width: 50, font: font, maxLines: 2, balanced: balanced)
                    == ["Decision-", "making"])
        }
        #expect(try fitter.lines("1990\u{2013}2000", width: 30, font: font, maxLines: 2) == ["1990\u{2013}", "2000"])
        #expect(try fitter.lines("pre\u{2010}print", width: 30, font: font, maxLines: 2) == ["pre\u{2010}", "print"])
        // A leading minus is no break: "-5" stays whole.
        #expect(try fitter.lines("-5 dB", width: 20, font: font, maxLines: 2) == ["-5", "dB"])
    }

    @Test func balancedWrapMinimisesTheWidestLine() throws {
        // Words 24 pt, spaces 6: three words (84) fit 90, four (114) do not.
        let text = "aaaa bbbb cccc dddd"
        #expect(try fitter.lines(text, width: 90, font: font, maxLines: 2, balanced: false) == ["aaaa bbbb cccc", "dddd"])
        #expect(try fitter.lines(text, width: 90, font: font, maxLines: 2) == ["aaaa bbbb", "cccc dddd"])
        // Balancing keeps the fewest lines: a third line is allowed but not needed.
        #expect(try fitter.lines(text, width: 90, font: font, maxLines: 3) == ["aaaa bbbb", "cccc dddd"])
        #expect(try fitter.lines("Syntactic Understanding", width: 100, font: font, maxLines: 2)
                == ["Syntactic", "Understanding"])
    }

    @Test func textBeyondTheLastLineIsCut() throws {
        let text = "aaaa bbbb cccc dddd eeee ffff"
        #expect(try fitter.lines(text, width: 60, font: font, maxLines: 2) == ["aaaa bbbb", "cccc dddd\(ellipsis)"])
        // A word too long for any line ends the wrapping there.
        #expect(try fitter.lines("ab abcdefghijklmnop cd", width: 40, font: font, maxLines: 3) == ["ab", "abcde\(ellipsis)"])
    }

    @Test func longTitleWithoutSpacesIsOneEllipsisedLine() throws {
        let text = String(repeating: "x", count: 500)
        let expected = String(repeating: "x", count: 15) + ellipsis // 96 pt; 16 x's and "…" are 102
        #expect(try fitter.lines(text, width: 100, font: font) == [expected])
        #expect(try fitter.lines(text, width: 100, font: font, maxLines: 3) == [expected])
    }

    @Test func tooNarrowForTheEllipsis() throws {
        for maxLines in [1, 3] {
            #expect(try fitter.lines("Layer", width: 5, font: font, maxLines: maxLines) == [ellipsis])
            #expect(try fitter.lines("Layer", width: -1, font: font, maxLines: maxLines) == [ellipsis])
        }
        #expect(try fitter.ellipsised("Layer", width: 0, font: font) == ellipsis)
    }

    @Test func emptyTextStaysEmpty() throws {
        for width in [100.0, 0, -1] {
            #expect(try fitter.lines("", width: width, font: font, maxLines: 2) == [""])
            #expect(try fitter.ellipsised("", width: width, font: font) == "")
        }
    }

    @Test func spacesAreDroppedAtBreaksOnly() throws {
        #expect(try fitter.lines("ab   cd", width: 20, font: font, maxLines: 2) == ["ab", "cd"])
        // Leading spaces are text, not a break.
        #expect(try fitter.lines("  ab cd", width: 30, font: font, maxLines: 2) == ["  ab", "cd"])
    }

    @Test func graphemeClustersAreNeverSplit() throws {
        let accented = String(repeating: "e\u{301}", count: 50) // 50 characters, 100 scalars
        let cut = try fitter.ellipsised(accented, width: 100, font: font)
        #expect(cut == String(repeating: "e\u{301}", count: 15) + ellipsis)
        #expect(cut.unicodeScalars.count == 31)
        let flags = String(repeating: "\u{1F1E9}\u{1F1EA}\u{1F1EB}\u{1F1F7}", count: 20) // German and French flags
        let flagCut = try fitter.lines(flags, width: 100, font: font, maxLines: 2)
        #expect(flagCut == [String(flags.prefix(15)) + ellipsis]) // no breaks inside a word of flags
        #expect(flagCut[0].unicodeScalars.count == 31)
        let wrapped = try fitter.lines("cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e", width: 40, font: font, maxLines: 3)
        #expect(wrapped.joined(separator: " ").unicodeScalars
                .elementsEqual("cafe\u{301} cre\u{300}me bru\u{302}le\u{301}e".unicodeScalars))
    }

    @Test func fontsNarrowerThanTheGuessStillGetTheLongestPrefix() throws {
        // 0.5 pt dots: 188 dots and "…" are 100 pt, far beyond the guess of about 70 characters.
        let dots = String(repeating: ".", count: 1000)
        #expect(try fitter.ellipsised(dots, width: 100, font: font) == String(repeating: ".", count: 188) + ellipsis)
        #expect(try fitter.lines(dots + " " + dots, width: 600, font: font, maxLines: 2) == [dots, dots])
    }

    @Test func measuringStaysBoundedInTheTextsLength() throws {
        var generator = SplitMix64(state: 7)
        func words(_ n: Int) -> String {
            var s = ""
            while s.count < n {
                s += String((0..<Int.random(in: 3...9, using: &generator)).map { _ in "abcdefgh".randomElement(using: &generator)! }) + " "
            }
            return String(s.prefix(n))
        }
        let sizes = [200, 2_000, 20_000]
        let oneWord = { (n: Int) in String(repeating: "abcdefghij", count: n / 10) }
        for (name, make) in [("words", words), ("one word", oneWord)] {
            for maxLines in [1, 3] {
                // Calls, characters measured and the longest string measured, for each size. About
                // 33 characters fit a line; the text is never measured whole.
                let costs = try sizes.map { n -> (calls: Int, characters: Int, longest: Int) in
                    let measurer = FakeMeasurer()
                    let lines = try TextFitter(measurer: measurer).lines(make(n), width: 200, font: font, maxLines: maxLines)
                    #expect(lines.count == (name == "words" ? maxLines : 1) && lines.last!.hasSuffix(ellipsis))
                    return (measurer.calls, measurer.characters, measurer.longest)
                }
                let (small, medium, large) = (costs[0], costs[1], costs[2])
                let context = Comment(rawValue: "\(name), \(maxLines) lines: \(costs)")
                #expect(large.characters <= 2 * medium.characters && medium.characters <= 2 * small.characters, context)
                #expect(large.calls <= 2 * medium.calls && large.calls <= 20 * maxLines, context)
                #expect(large.characters <= 800 * maxLines && large.longest < 300, context)
            }
        }
    }

    @Test func randomTextsKeepTheInvariants() throws {
        var generator = SplitMix64(state: 0x5EED)
        let alphabet: [Character] = ["a", "b", "m", "i", "l", "x", " ", " ", " ", "-", "\u{2013}", "\u{2010}",
                                     "e\u{301}", "\u{1F1E9}\u{1F1EA}", "."]
        for _ in 0..<3_000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let limit = Double.random(in: 0...160, using: &generator)
            let maxLines = Int.random(in: 1...4, using: &generator)
            let balanced = Bool.random(using: &generator)
            let lines = try fitter.lines(text, width: limit, font: font, maxLines: maxLines, balanced: balanced)
            try check(text, lines, limit: limit, maxLines: maxLines, balanced: balanced)
        }
    }

    /// Every line fits (bar a lone "…" too wide itself); the lines render the text in order, broken
    /// only at break opportunities, whole clusters only; a cut is at the longest prefix; greedy
    /// lines are full; balanced lines are the fewest and have the narrowest widest line there is.
    private func check(_ text: String, _ lines: [String], limit: Double, maxLines: Int, balanced: Bool) throws {
        let context = Comment(rawValue: "\(text.debugDescription) in \(limit) pt, \(maxLines) lines, balanced \(balanced): \(lines)")
        #expect(!lines.isEmpty && lines.count <= max(1, maxLines), context)
        if fits(text, limit) { #expect(lines == [text], context) }
        if lines == [text] { #expect(fits(text, limit) || text.isEmpty, context); return }
        let chars = Array(text), breaks = breakOpportunities(chars)
        var cursor = 0
        for (i, line) in lines.enumerated() {
            let isLast = i == lines.count - 1
            #expect(fits(line, limit) || line == ellipsis, context)
            #expect(isLast || !line.hasSuffix(ellipsis), context)
            let isCut = isLast && line.hasSuffix(ellipsis)
            let body = Array(isCut ? String(line.dropLast()) : line)
            let start = cursor
            guard cursor + body.count <= chars.count,
                  String(chars[cursor..<(cursor + body.count)]).unicodeScalars.elementsEqual(String(body).unicodeScalars)
            else { Issue.record("line \(i) is not the text's next characters; \(context)"); return }
            cursor += body.count
            if isCut {
                // The longest prefix: one more character (with the spaces before it) would not fit.
                var next = cursor
                while next < chars.count, chars[next] == " " { next += 1 }
                if next < chars.count { #expect(!fits(trimmed(chars[start...next]) + ellipsis, limit), context) }
            } else if isLast {
                #expect(chars[cursor...].allSatisfy { $0 == " " }, context)
            } else {
                let afterHyphen = cursor > 0 && hyphens.contains(chars[cursor - 1])
                while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
                #expect(breaks.contains(cursor) && (afterHyphen || chars[cursor - 1] == " "), context)
                if !balanced {
                    let nextEnd = breaks.first { $0 > cursor } ?? chars.count
                    #expect(!fits(trimmed(chars[start..<nextEnd]), limit), "greedy line \(i) not full; \(context)")
                }
            }
        }
        if balanced, lines.count > 1, !lines.last!.hasSuffix(ellipsis) {
            let greedy = try fitter.lines(text, width: limit, font: font, maxLines: maxLines, balanced: false)
            #expect(lines.count == greedy.count, context)
            if breaks.count <= 12 {
                let best = narrowestWidest(chars, breaks, lines: lines.count)
                #expect(abs(lines.map(width).max()! - best) < 1e-3, "balanced: best is \(best); \(context)")
            }
        }
    }

    /// The narrowest widest line over every way to break `chars` into `lines` lines (brute force).
    private func narrowestWidest(_ chars: [Character], _ breaks: [Int], lines: Int) -> Double {
        func best(from start: Int, breaksFrom b: Int, lines: Int) -> Double {
            if lines == 1 { return width(trimmed(chars[start...])) }
            var result = Double.infinity
            for j in b..<breaks.count where breaks.count - j >= lines - 1 {
                let first = width(trimmed(chars[start..<breaks[j]]))
                result = min(result, max(first, best(from: breaks[j], breaksFrom: j + 1, lines: lines - 1)))
            }
            return result
        }
        return best(from: 0, breaksFrom: 0, lines: lines)
    }
}
